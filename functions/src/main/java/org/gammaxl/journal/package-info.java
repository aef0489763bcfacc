/**
 * The hedge journal: the fills a desk actually did, read against the option book they hedge — position delta
 * before and after each fill, the round-trip (FIFO) P&amp;L of the scalps, gamma P&amp;L against theta between
 * fills, and each fill's slippage against the mark.
 */
package org.gammaxl.journal;
