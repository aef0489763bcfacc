/**
 * The gamma-scalping ledger: an event-driven simulation of an option position delta hedged along a
 * path of observations, trade by trade, with costs, financing, expiry and P&amp;L attribution.
 *
 * <p>Entry point: {@link org.gammaxl.ledger.HedgeLedger#of} with an
 * {@link org.gammaxl.pricing.OptionPricer} (e.g. {@code Model.BSM.pricer()}), a
 * {@link org.gammaxl.ledger.Position} of {@link org.gammaxl.ledger.OptionLeg}s and a
 * {@link org.gammaxl.ledger.HedgePolicy}; then {@code run(observations, rowConsumer)} streams one
 * {@link org.gammaxl.ledger.LedgerRow} per event (columns {@link org.gammaxl.ledger.LedgerColumn},
 * in a fixed order with header names) and returns a {@link org.gammaxl.ledger.LedgerSummary}
 * (items {@link org.gammaxl.ledger.SummaryItem}).
 *
 * <p>Conventions: times are years on one clock shared by observations and expiries (convert Excel
 * serials with {@link org.gammaxl.time.YearFraction#fromExcel}); money in the premium currency;
 * greeks raw (delta in units of underlying, vega per 1.00 of vol, theta ∂V/∂t per year); rates
 * continuously compounded. {@link org.gammaxl.ledger.SyntheticPath} generates seeded GBM paths of
 * any length in O(1) memory for simulations and benchmarks.
 */
package org.gammaxl.ledger;
