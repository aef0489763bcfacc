package org.gammaxl.ledger;

/**
 * One event of a path fed to the {@link HedgeLedger}: a time, the underlying's spot, an optional
 * implied vol mark and an optional bid/ask of the hedge instrument. Plain immutable value; the
 * engine validates it and names the row in any error.
 *
 * <ul>
 *   <li>{@code time} — years since an origin of the caller's choice, the same clock as the legs'
 *       expiries (convert Excel serial date-times with
 *       {@code YearFraction.fromExcel(originSerial, serial, DayCount.ACT_365F)} from
 *       {@link org.gammaxl.time.YearFraction}, or on the TRADING clock
 *       {@code YearClock.parse("TRADING")} for intraday paths); strictly increasing along a path;</li>
 *   <li>{@code spot} — the underlying price &gt; 0;</li>
 *   <li>{@code vol} — the implied vol mark as a decimal, or {@code NaN} when missing: the engine
 *       carries the last mark forward (the first observation must have one);</li>
 *   <li>{@code bid}, {@code ask} — quotes of the hedge instrument, both {@code NaN} when absent;
 *       when given, the policy may charge the relative half-spread (ask − bid)/(ask + bid).</li>
 * </ul>
 */
public final class Observation {
  private final double time;
  private final double spot;
  private final double vol;
  private final double bid;
  private final double ask;

  private Observation(double time, double spot, double vol, double bid, double ask) {
    this.time = time;
    this.spot = spot;
    this.vol = vol;
    this.bid = bid;
    this.ask = ask;
  }

  /** An observation with a vol mark and bid/ask quotes (any may be NaN, see the class comment). */
  public static Observation of(double time, double spot, double vol, double bid, double ask) {
    return new Observation(time, spot, vol, bid, ask);
  }

  /** An observation with a vol mark and no quotes. */
  public static Observation of(double time, double spot, double vol) {
    return new Observation(time, spot, vol, Double.NaN, Double.NaN);
  }

  /** An observation without a vol mark (the last one carries forward) and no quotes. */
  public static Observation of(double time, double spot) {
    return new Observation(time, spot, Double.NaN, Double.NaN, Double.NaN);
  }

  public double time() { return time; }

  public double spot() { return spot; }

  /** The vol mark, NaN when missing. */
  public double vol() { return vol; }

  /** The bid, NaN when absent. */
  public double bid() { return bid; }

  /** The ask, NaN when absent. */
  public double ask() { return ask; }

  @Override
  public String toString() {
    return "Observation{time=" + time + ", spot=" + spot + ", vol=" + vol + ", bid=" + bid + ", ask=" + ask + '}';
  }
}
