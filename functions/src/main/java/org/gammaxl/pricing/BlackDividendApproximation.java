package org.gammaxl.pricing;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.gammaxl.InvalidInputException;

/**
 * Black's approximation for an American call on a stock paying known cash dividends (F. Black, "Fact and fantasy in
 * the use of options", Financial Analysts Journal 31, 1975; Hull, "known dividends"): early exercise of a call only
 * pays just before an ex-date, so the call is valued as the largest of the European calls that expire at the
 * option's expiry and just before each ex-date, each in the escrowed model ({@link EscrowedDividends}: the spot
 * less the present value of the dividends before that date). It is a lower bound of the American value, usually
 * within cents of the lattice ({@link DividendLattice#AMERICAN}).
 *
 * <p>Calls only: a put is exercised after ex-dates, not before, and has no such approximation (DOMAIN naming
 * {@code type}). Greeks are those of the European call that gives the value. Without dividends the value is the
 * European call.
 */
public final class BlackDividendApproximation implements CashDividendPricer {
  /** The shared stateless instance. */
  public static final BlackDividendApproximation INSTANCE = new BlackDividendApproximation();

  private BlackDividendApproximation() {
  }

  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, CashDividends dividends) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    checkCall(type);
    return value(spot, strike, years, vol, rate, yield, dividends);
  }

  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, CashDividends dividends) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    checkCall(type);
    double expiry = bestExpiry(spot, strike, years, vol, rate, yield, dividends);
    return EscrowedDividends.greeks(BlackScholesMerton.INSTANCE, OptionType.CALL, spot, strike, expiry, vol, rate,
        yield, expiry < years ? dividends.before(expiry) : dividends);
  }

  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield, CashDividends dividends) {
    LognormalKernel.validateImplied(price, spot, years, rate, yield);
    org.gammaxl.Require.positive("strike", strike);
    checkCall(type);
    if (price >= spot) {
      throw InvalidInputException.domain("price", "at or above the upper bound " + spot + " (the spot)");
    }
    double floor = value(spot, strike, years, 0.0, rate, yield, dividends);
    if (price < floor - 1e-12 * Math.max(1, floor)) {
      throw InvalidInputException.domain("price", "below the zero-volatility value " + floor);
    }
    if (price <= floor + 1e-12 * Math.max(1, floor)) {
      return 0.0;
    }
    double lo = 0;
    double hi = 0.5;
    while (value(spot, strike, years, hi, rate, yield, dividends) < price) {
      lo = hi;
      hi *= 2;
      if (hi > 100) {
        throw InvalidInputException.domain("price", "above the value at vol 10,000%, too close to the spot");
      }
    }
    try {
      return new BrentSolver(1e-15, 1e-13, 1e-15 * Math.max(1, price))
          .solve(500, v -> value(spot, strike, years, v, rate, yield, dividends) - price, lo, hi);
    } catch (MathIllegalStateException e) {
      throw InvalidInputException.domain("price", "no implied volatility found (" + e.getMessage() + ")");
    }
  }

  private static void checkCall(OptionType type) {
    if (type != OptionType.CALL) {
      throw InvalidInputException.domain("type", "Black's approximation values calls only; price an American put"
          + " with AMERICAN (the lattice when there are dividends)");
    }
  }

  private static double value(double spot, double strike, double years, double vol, double rate, double yield,
      CashDividends dividends) {
    double expiry = bestExpiry(spot, strike, years, vol, rate, yield, dividends);
    return european(spot, strike, expiry, vol, rate, yield, expiry < years ? dividends.before(expiry) : dividends);
  }

  /** The expiry (the option's, or an ex-date) whose European call is worth the most. */
  private static double bestExpiry(double spot, double strike, double years, double vol, double rate, double yield,
      CashDividends dividends) {
    double best = european(spot, strike, years, vol, rate, yield, dividends);
    double expiry = years;
    for (int i = 0; i < dividends.size(); i++) {
      double t = dividends.time(i);
      if (t <= 0 || (i > 0 && t == dividends.time(i - 1))) {
        continue;
      }
      double v = european(spot, strike, t, vol, rate, yield, dividends.before(t));
      if (v > best) {
        best = v;
        expiry = t;
      }
    }
    return expiry;
  }

  private static double european(double spot, double strike, double t, double vol, double rate, double yield,
      CashDividends before) {
    return EscrowedDividends.price(BlackScholesMerton.INSTANCE, OptionType.CALL, spot, strike, t, vol, rate, yield,
        before);
  }
}
