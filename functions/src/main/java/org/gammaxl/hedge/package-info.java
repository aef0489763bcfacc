/**
 * Hedge ratios and hedging rules of thumb: delta-neutral quantities in spot, futures, perpetual and
 * inverse contracts ({@link org.gammaxl.hedge.DeltaHedge}, {@link org.gammaxl.hedge.HedgeInstrument}),
 * several greeks neutralised at once by least squares ({@link org.gammaxl.hedge.MultiGreekHedge}),
 * no-trade bands and cost-adjusted vols ({@link org.gammaxl.hedge.HedgeBands}: Whalley–Wilmott,
 * Zakamouline, Leland) and the formulas traders keep at hand ({@link org.gammaxl.hedge.GammaScalping}:
 * breakeven move, scalping P&amp;L, Ahmad–Wilmott expectations, Derman–Kamal hedging error).
 * Greeks are raw as defined on {@link org.gammaxl.pricing.Greek}.
 */
package org.gammaxl.hedge;
