package org.gammaxl.sheet;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.Model;
import org.gammaxl.vol.Svi;
import org.gammaxl.vol.SviSurface;

/**
 * A vol surface given where a vol goes: the table {@code GX.SVI.SURFACE} returns, one row per expiry with the
 * columns years, a, b, rho, m, sigma (more columns, such as the fit's rms and calendar margin, are ignored). A first
 * row whose first cell is text is a header; rows with a blank first cell are skipped (a range sized ahead).
 */
final class SurfaceArgs {
  /** Columns a surface row needs: years, a, b, rho, m, sigma. */
  static final int COLUMNS = 6;
  private static final Param CELL = Param.number("cell", "");
  private static final String[] NAMES = {"years", "a", "b", "rho", "m", "sigma"};

  static final String HELP = "`vol` may also be a vol surface: the range `GX.SVI.SURFACE` returns (or a defined"
      + " name for it), one row per expiry with years, a, b, rho, m, sigma (raw SVI in total variance). The vol is"
      + " then read at the option's strike and expiry, at log-moneyness ln(strike/F) with F = (spot - PV(cash"
      + " dividends to expiry)) * exp((rate - yield) * years) (BLACK76: F = spot); between expiries total variance is"
      + " linear in years at equal log-moneyness; before the first and after the last expiry the nearest slice's"
      + " vol at equal log-moneyness is kept (flat in vol). The greeks are the model's at that vol, held fixed."
      + " Rows out of expiry order, or a slice outside the SVI bounds, are `#NUM!` naming the row and bound;"
      + " BACHELIER takes no surface (`#VALUE!`). See docs/pricing-depth.md.";

  private SurfaceArgs() {
  }

  /**
   * The surface in {@code table}, errors naming {@code arg} and the table's row.
   *
   * @throws InvalidInputException TYPE for too few columns or no rows; DOMAIN for a cell out of range, expiries
   *     not increasing or a slice outside the SVI bounds
   */
  static SviSurface read(String arg, Object[][] table) {
    int columns = table.length == 0 ? 0 : table[0].length;
    if (columns < COLUMNS) {
      throw InvalidInputException.type(arg, "is a " + table.length + "x" + columns + " range; a vol surface has"
          + " one row per expiry with the " + COLUMNS + " columns years, a, b, rho, m, sigma (GX.SVI.SURFACE)");
    }
    double[] years = new double[table.length];
    Svi[] slices = new Svi[table.length];
    int n = 0;
    int previousRow = 0;
    double[] p = new double[COLUMNS];
    for (int r = 0; r < table.length; r++) {
      Object first = table[r][0];
      if (r == 0 && first instanceof String) {
        continue; // header
      }
      if (first == null || first instanceof Empty) {
        continue;
      }
      for (int c = 0; c < COLUMNS; c++) {
        Object cell = table[r][c];
        double x = cell instanceof Double ? (Double) cell : Double.NaN;
        // a finite number as it is (the common case, no message built); anything else read by the rules, named
        p[c] = x - x == 0 ? x : Values.read(CELL, cell, arg + " row " + (r + 1) + ": " + NAMES[c]);
      }
      if (!(p[0] > 0)) {
        throw InvalidInputException.domain(arg + " row " + (r + 1) + ": years", "must be > 0, was " + p[0]);
      }
      if (n > 0 && !(p[0] > years[n - 1])) {
        throw InvalidInputException.domain(arg + " row " + (r + 1) + ": years", "expiries must increase row by"
            + " row: " + p[0] + " is not after row " + previousRow + "'s " + years[n - 1]);
      }
      try {
        slices[n] = Svi.of(p[1], p[2], p[3], p[4], p[5]);
      } catch (InvalidInputException x) {
        throw x.at(arg + " row " + (r + 1));
      }
      years[n++] = p[0];
      previousRow = r + 1;
    }
    if (n == 0) {
      throw InvalidInputException.notAvailable(arg, "the surface has no rows yet");
    }
    return SviSurface.of(Arrays.copyOf(years, n), Arrays.copyOf(slices, n));
  }

  /**
   * The vol of argument {@code i}: the number given, or the surface's vol at this option's strike, expiry and
   * forward ({@link #forward}).
   */
  static double vol(Values v, int i, Model model, double spot, double strike, double years, double rate,
      double yield, CashDividends dividends) {
    Object given = v.raw(i);
    if (given instanceof Double) {
      return (Double) given;
    }
    if (model == Model.BACHELIER) {
      throw InvalidInputException.type(v.name(i), "BACHELIER takes an absolute vol, not an SVI surface of"
          + " lognormal vols");
    }
    SviSurface surface = read(v.name(i), (Object[][]) given);
    return surface.vol(strike, forward(model, spot, years, rate, yield, dividends), years);
  }

  /**
   * The forward a surface is read at: (S − PV(cash dividends to expiry))·e^{(r − q)·T}, the escrowed spot grown at
   * the carry; for BLACK76 the spot itself (it is the forward).
   */
  static double forward(Model model, double spot, double years, double rate, double yield,
      CashDividends dividends) {
    if (model == Model.BLACK76) {
      return spot;
    }
    double escrowed = spot - dividends.presentValue(rate, years);
    if (!(escrowed > 0)) {
      throw InvalidInputException.domain("div_amounts", "the present value of the dividends is not below the spot ("
          + spot + ")");
    }
    return escrowed * Math.exp((rate - yield) * years);
  }
}
