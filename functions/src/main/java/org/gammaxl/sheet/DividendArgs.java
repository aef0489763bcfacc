package org.gammaxl.sheet;

import java.util.function.DoubleUnaryOperator;
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
    double[][] d = ranges(v, at);
    return d == null ? CashDividends.NONE : CashDividends.of(d[0], d[1], years);
  }

  /** The ledgers' {@code div_times}: ex-dividend dates on the path's time axis, like the legs' expiries. */
  static Param ledgerTimes() {
    return Param.series("div_times", "Ex-dividend dates, ascending: Excel date-times (or years on the times' clock"
        + " with TIME=YEARS), like expiry").optional();
  }

  /**
   * The ledgers' dividends at arguments {@code at} and {@code at + 1}, the dates turned into years on the path's
   * clock by {@code toYears}; none when both are left out. Errors as {@link #read}.
   */
  static CashDividends readOnClock(Values v, int at, DoubleUnaryOperator toYears) {
    double[][] d = ranges(v, at);
    if (d == null) {
      return CashDividends.NONE;
    }
    double[] years = new double[d[0].length];
    for (int i = 0; i < years.length; i++) {
      years[i] = toYears.applyAsDouble(d[0][i]);
    }
    return CashDividends.of(years, d[1], Double.POSITIVE_INFINITY);
  }

  /** The two ranges side by side (rows blank in both skipped), or null when both are left out. */
  private static double[][] ranges(Values v, int at) {
    boolean noTimes = v.isAbsent(at);
    boolean noAmounts = v.isAbsent(at + 1);
    if (noTimes && noAmounts) {
      return null;
    }
    if (noTimes || noAmounts) {
      throw InvalidInputException.type(v.name(noTimes ? at : at + 1), "is required when "
          + v.name(noTimes ? at + 1 : at) + " is given");
    }
    return v.aligned(at, at + 1);
  }

  /** The ledgers' help on their dividends. */
  static final String LEDGER_DETAILS = "Cash dividends: `div_times` (ex-dividend dates on the times' axis, like"
      + " expiry) and `div_amounts` (cash per unit of underlying), two ranges of the same size. Each leg is valued with"
      + " the dividends after the row's time and up to its expiry by the model's dividend model (BSM: escrowed, spot"
      + " less their present value, as `GX.PRICE` with div_times/div_amounts; AMERICAN: the dividend lattice). The"
      + " hedge (HEDGE=SPOT only) holding q shares over a step receives q x amount for each ex-date in it, the row at"
      + " the ex-date included (its spot is ex-dividend); DELTA_PNL and GAMMA_PNL take the cum-dividend move (spot"
      + " change + amount), which the options' escrowed values follow; the summary's DIVIDENDS is the cash. Dates"
      + " before the first time are ignored; unsorted dates or negative amounts are `#NUM!`.";

  /** The dividends' argument names as the help mentions them. */
  static final String DETAILS = "Cash dividends: `div_times` and `div_amounts` are two ranges of the same size"
      + " (ex-dividend times in years from now and cash amounts). BSM and BACHELIER use the escrowed model (spot less"
      + " the present value of the dividends up to expiry, Hull's convention); EUROPEAN.LATTICE the model where the"
      + " spot drops by each dividend on its ex-date; AMERICAN (any American model) the American lattice of that"
      + " model; AMERICAN.BLACK Black's approximation for calls. Dividends before now or after expiry are ignored;"
      + " unsorted times or negative amounts are `#NUM!`. See docs/pricing-depth.md.";
}
