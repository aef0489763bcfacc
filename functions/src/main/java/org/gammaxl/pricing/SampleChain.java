package org.gammaxl.pricing;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a sample option chain with prices and greeks in trader units: S = 100, strikes 80 to 120,
 * calls and puts, 30 calendar days (ACT/365F), 20 % vol, 3 % rate, 1 % dividend yield, under
 * Black–Scholes–Merton. Vega per vol point, theta per calendar day, rho and phi per 1 %, vanna per
 * vol point, charm per day, vomma per vol point².
 *
 * <p>Run: {@code java -cp functions/target/classes org.gammaxl.pricing.SampleChain}
 */
public final class SampleChain {

  private static final Greek[] COLUMNS = {
    Greek.PRICE, Greek.DELTA, Greek.GAMMA, Greek.VEGA, Greek.THETA, Greek.RHO, Greek.PHI, Greek.VANNA,
    Greek.CHARM, Greek.VOMMA};

  private SampleChain() {
  }

  public static void main(String[] args) {
    print(System.out, 100, 30 / 365.0, 0.20, 0.03, 0.01);
  }

  /** Writes the chain table for the given market to {@code out}. */
  static void print(PrintStream out, double spot, double years, double vol, double rate, double yield) {
    OptionPricer pricer = Model.BSM.pricer();
    out.printf(Locale.ROOT, "BSM chain: spot %.2f, %.0f days, vol %.0f%%, rate %.2f%%, yield %.2f%% (trader units)%n",
        spot, years * 365, vol * 100, rate * 100, yield * 100);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-5s %7s", "type", "strike"));
    for (Greek g : COLUMNS) {
      header.append(String.format(Locale.ROOT, " %10s", g.name().toLowerCase(Locale.ROOT)));
    }
    out.println(header);
    for (OptionType type : OptionType.values()) {
      for (double strike = 80; strike <= 120; strike += 5) {
        Greeks greeks = pricer.greeks(type, spot, strike, years, vol, rate, yield);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s %7.2f",
            type.name().toLowerCase(Locale.ROOT), strike));
        for (Greek g : COLUMNS) {
          line.append(String.format(Locale.ROOT, " %10.5f", greeks.inTraderUnits(g)));
        }
        out.println(line);
      }
    }
  }
}
