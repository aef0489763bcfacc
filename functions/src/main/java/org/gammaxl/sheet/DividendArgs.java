package org.gammaxl.sheet;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.CashDividends;

/**
 * The two optional ranges of cash dividends the pricing functions take, {@code div_times} and {@code div_amounts},
 * described once. Left out, the function takes its numeric fast path; given, its general body reads them with
 * {@link #read}.
 */
final class DividendArgs {
  private DividendArgs() {
  }

  static Param times() {
    return Param.series("div_times", "Ex-dividend times in years from now, ascending, like years (see GX.YEARS);"
        + " times before now or after expiry are ignored").optional();
  }

  static Param amounts() {
    return Param.series("div_amounts", "Cash dividend per unit of underlying for each time in div_times, >= 0")
        .optional();
  }

  /**
   * The dividends at arguments {@code at} (times) and {@code at + 1} (amounts) for an option expiring in
   * {@code years}: none when both are left out; the ranges read side by side, rows blank in both skipped.
   *
   * @throws InvalidInputException TYPE when only one of them is given or their sizes differ; DOMAIN as
   *     {@link CashDividends#of} says
   */
  static CashDividends read(Values v, int at, double years) {
    boolean noTimes = v.isAbsent(at);
    boolean noAmounts = v.isAbsent(at + 1);
    if (noTimes && noAmounts) {
      return CashDividends.NONE;
    }
    if (noTimes || noAmounts) {
      throw InvalidInputException.type(v.name(noTimes ? at : at + 1), "is required when "
          + v.name(noTimes ? at + 1 : at) + " is given");
    }
    double[][] d = v.aligned(at, at + 1);
    return CashDividends.of(d[0], d[1], years);
  }

  /** The dividends' argument names as the help mentions them. */
  static final String DETAILS = "Cash dividends: `div_times` and `div_amounts` are two ranges of the same size"
      + " (ex-dividend times in years from now and cash amounts). BSM and BACHELIER use the escrowed model (spot less"
      + " the present value of the dividends up to expiry, Hull's convention); EUROPEAN.LATTICE the model where the"
      + " spot drops by each dividend on its ex-date; AMERICAN (any American model) the American lattice of that"
      + " model; AMERICAN.BLACK Black's approximation for calls. Dividends before now or after expiry are ignored;"
      + " unsorted times or negative amounts are `#NUM!`. See docs/pricing-depth.md.";
}
