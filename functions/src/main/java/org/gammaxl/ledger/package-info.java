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
 * <p>A position is a <em>book</em> of any number of legs hedged together: each leg may carry its own
 * implied vol ({@link org.gammaxl.ledger.OptionLeg#withVol}) and moves on the smile as the
 * {@link org.gammaxl.ledger.Marking}'s {@link org.gammaxl.ledger.SmileDynamics} say; the hedge
 * neutralises the {@link org.gammaxl.ledger.HedgeDelta} the policy names; American legs are valued by
 * the pricer on the {@link org.gammaxl.ledger.Revaluation} schedule. Per event,
 * {@link org.gammaxl.ledger.LedgerRun#leg} gives each leg's {@link org.gammaxl.ledger.LegColumn}s and
 * {@link org.gammaxl.ledger.LedgerRun#book} the {@link org.gammaxl.ledger.BookColumn}s; at the end
 * {@link org.gammaxl.ledger.LedgerRun#legSummary} each leg's {@link org.gammaxl.ledger.LegItem}s. A run
 * can book the user's own fills while a second hedge account follows the rule
 * ({@link org.gammaxl.ledger.LedgerRun#ruleSummary}).
 *
 * <p>Conventions: times are years on one clock shared by observations and expiries (convert Excel
 * serials with {@link org.gammaxl.time.YearFraction#fromExcel} on a {@link org.gammaxl.time.YearClock},
 * e.g. the TRADING clock of exchange hours for intraday paths); money in the premium currency;
 * greeks raw (delta in units of underlying, vega per 1.00 of vol, theta ∂V/∂t per year); rates
 * continuously compounded. {@link org.gammaxl.ledger.SyntheticPath} generates seeded GBM paths of
 * any length in O(1) memory for simulations and benchmarks.
 */
package org.gammaxl.ledger;
