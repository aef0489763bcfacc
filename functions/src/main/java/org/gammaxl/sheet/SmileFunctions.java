package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.spot;
import static org.gammaxl.sheet.OptionArgs.type;
import static org.gammaxl.sheet.OptionArgs.vol;
import static org.gammaxl.sheet.OptionArgs.years;

import java.util.List;
import org.gammaxl.vol.DeltaConvention;
import org.gammaxl.vol.StrikeFromDelta;
import org.gammaxl.vol.Svi;
import org.gammaxl.vol.SviFit;
import org.gammaxl.vol.SviSurface;
import org.gammaxl.vol.SviSurfaceFit;

/**
 * The smile by delta and by SVI: {@code GX.STRIKE.FROMDELTA} ({@link StrikeFromDelta}), {@code GX.SVI.VOL} and
 * {@code GX.SVI.FIT} ({@link Svi}, {@link SviFit}), {@code GX.SVI.SURFACE} ({@link SviSurface}, {@link SviSurfaceFit}).
 */
final class SmileFunctions {
  static final String CATEGORY = "GammaXL Smile";
  static final Keyword CONVENTION = Keyword.ofEnum(DeltaConvention.class, "SPOT.PA", "SPOT_PA", "PA", "SPOT_PA",
      "PREMIUMADJUSTED", "SPOT_PA", "FORWARD.PA", "FORWARD_PA", "FWD", "FORWARD", "FWD.PA", "FORWARD_PA");
  private static final DeltaConvention[] CONVENTIONS = DeltaConvention.values();

  private static final Object[][] STRIKES = column(80, 85, 90, 95, 100, 105, 110, 115, 120);
  /** Gatheral's example smile a = 0.04, b = 0.1, rho = -0.4, m = 0, sigma = 0.1 at T = 1, to six decimals. */
  private static final Object[][] VOLS = column(0.270884, 0.256091, 0.242364, 0.230847, 0.223607, 0.221755, 0.223611,
      0.227145, 0.231304);

  /** The header of {@code GX.SVI.SURFACE}'s table. */
  static final String[] SURFACE_HEADER = {"YEARS", "A", "B", "RHO", "M", "SIGMA", "FORWARD", "RMS", "CALENDAR"};
  /**
   * Quotes for the documented surface example: two expiries on their own strike grids (0.25 y, forward 101, 7
   * strikes; 1 y, forward 104, 9 strikes), made from two known slices.
   */
  private static final Object[][][] SURFACE_QUOTES = surfaceQuotes();

  private SmileFunctions() {
  }

  private static Object[][][] surfaceQuotes() {
    double[][] slices = {{0.25, 101, 0.01, 0.04, -0.5, 0.02, 0.08}, {1, 104, 0.04, 0.1, -0.4, 0, 0.1}};
    double[][] strikes = {{85, 90, 95, 100, 105, 110, 115}, {70, 80, 90, 100, 110, 120, 130, 140, 150}};
    int n = strikes[0].length + strikes[1].length;
    Object[][][] q = new Object[4][n][1];
    int r = 0;
    for (int e = 0; e < 2; e++) {
      double[] p = slices[e];
      Svi svi = Svi.of(p[2], p[3], p[4], p[5], p[6]);
      for (double k : strikes[e]) {
        q[0][r][0] = p[0];
        q[1][r][0] = k;
        q[2][r][0] = Math.rint(svi.vol(k, p[1], p[0]) * 1e6) / 1e6;
        q[3][r][0] = p[1];
        r++;
      }
    }
    return q;
  }

  private static Object[][] column(double... x) {
    Object[][] c = new Object[x.length][1];
    for (int i = 0; i < x.length; i++) {
      c[i][0] = x[i];
    }
    return c;
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.STRIKE.FROMDELTA").category(CATEGORY)
            .description("The strike whose delta is delta (the 25-delta put of an FX or crypto smile) under the SPOT,"
                + " FORWARD, SPOT.PA or FORWARD.PA (premium-adjusted) delta convention")
            .details("Conventions, with phi = +1 for a call and -1 for a put, F = spot * exp((rate - yield) * years):"
                + " SPOT (default) delta = phi * exp(-yield*T) * N(phi*d1), the delta `GX.DELTA` returns; FORWARD"
                + " delta = phi * N(phi*d1), the delta of a forward hedge; SPOT.PA delta = phi * exp(-yield*T) * (K/F)"
                + " * N(phi*d2), spot delta less premium/spot (premium paid in the underlying, `GX.DELTA.PA`);"
                + " FORWARD.PA delta = phi * (K/F) * N(phi*d2). A put's delta may be given as -0.25 or 0.25. A"
                + " premium-adjusted call delta has a largest value: two strikes share each smaller delta and the one"
                + " above the strike of the largest is returned (the FX market's choice); a larger delta is `#NUM!`.")
            .args(type(), Param.number("delta", "The delta, e.g. 0.25 for a 25-delta call, -0.25 for a 25-delta put"),
                spot(), years(), vol(), rate(), dividendYield(),
                Param.keyword("convention", "SPOT, FORWARD, SPOT.PA or FORWARD.PA", CONVENTION).optional("SPOT"))
            .numeric(a -> StrikeFromDelta.strike(OptionArgs.optionType(a[0]), a[1], a[2], a[3], a[4], a[5], a[6],
                CONVENTIONS[(int) a[7]]))
            .example("P", -0.25, 100, 0.5, 0.2, 0.03, 0.01)
            .example("C", 0.25, 1.085, 0.25, 0.08, 0.04, 0.03, "FORWARD.PA")
            .build(),
        SheetFunction.builder("GX.SVI.VOL").category(CATEGORY)
            .description("Implied vol at strike from Gatheral's raw SVI smile: total variance a + b*(rho*(k-m) +"
                + " sqrt((k-m)^2 + sigma^2)), k = ln(strike/forward), vol = sqrt(variance/years)")
            .details("Parameters in total variance (vol^2 * years). Bounds, each `#NUM!` naming the parameter: b >= 0,"
                + " -1 < rho < 1, sigma > 0, a + b*sigma*sqrt(1-rho^2) >= 0 (no negative variance), b*(1+|rho|) <= 2"
                + " (Lee's moment bound). Fit the parameters with `GX.SVI.FIT`.")
            .args(Param.number("strike", "Strike, same unit as the forward"),
                Param.number("forward", "Forward price of the expiry"),
                years(),
                Param.number("a", "Level of total variance"),
                Param.number("b", "Slope of the wings, >= 0"),
                Param.number("rho", "Skew, between -1 and 1"),
                Param.number("m", "Log-moneyness of the smile's vertex"),
                Param.number("sigma", "Curvature at the vertex, > 0"))
            .numericValues((k, f, t, a, b, rho, m, sigma) -> Svi.of(a, b, rho, m, sigma).vol(k, f, t))
            .example(100, 100, 1, 0.04, 0.1, -0.4, 0, 0.1)
            .build(),
        SheetFunction.builder("GX.SVI.FIT").category(CATEGORY)
            .description("Fits Gatheral's raw SVI smile to one expiry's implied vols: returns a, b, rho, m, sigma and"
                + " the fit's RMS vol error as one row of 6 (enter over 6 cells or let it spill)")
            .details("Quasi-explicit least squares (Zeliade 2009; commons-math3 Nelder-Mead) of the vol errors,"
                + " weighted by `weights` (default equal), within the bounds of `GX.SVI.VOL`. Gatheral's butterfly"
                + " condition g(k) >= 0 is checked from the lowest to the highest quoted ln(K/F) and one unit beyond;"
                + " a fit that cannot meet it is `#NUM!` with where it fails. Needs at least 5 quotes; blank rows"
                + " are skipped. `GX.SVI.VOL` with the fitted parameters reads the smile at any strike.")
            .args(Param.series("strikes", "The quoted strikes"),
                Param.series("vols", "Implied vol of each strike, 0.2 = 20%"),
                Param.number("forward", "Forward price of the expiry"),
                years(),
                Param.series("weights", "Weight of each quote (e.g. vega or 1/spread), >= 0").optional())
            .array()
            .body(SmileFunctions::fit)
            .example(STRIKES, VOLS, 100, 1)
            .build(),
        SheetFunction.builder("GX.SVI.SURFACE").category(CATEGORY)
            .description("Fits a raw SVI smile to each expiry of a set of quotes (one row per quote: expiry, strike,"
                + " vol; each expiry on its own strikes) and returns the vol surface table GX.PRICE reads as its vol")
            .details("Returns a header row (" + String.join(", ", SURFACE_HEADER) + ") and one row per distinct"
                + " expiry, ascending: years, the slice's a, b, rho, m, sigma (as `GX.SVI.FIT`, at that expiry's"
                + " forward), the forward, the fit's weighted RMS vol error, and the calendar margin: the smallest"
                + " w(k) - w_previous(k) in total variance over the two expiries' quoted ln(K/F) and one unit beyond"
                + " (the first row: its smallest w(k)); a negative margin is calendar arbitrage against the row above"
                + " (reported, not repaired). `forwards` holds one forward per quote (the same within an expiry) or"
                + " one per distinct expiry, ascending. Each expiry needs at least 5 quotes; a failed fit is `#NUM!`"
                + " naming the expiry. Pass the whole table as `vol` to `GX.PRICE`, the greeks or `GX.BOOK.LEDGER`: "
                + SurfaceArgs.HELP)
            .args(Param.series("expiries", "Each quote's expiry in years (see GX.YEARS), any order"),
                Param.series("strikes", "Each quote's strike"),
                Param.series("vols", "Each quote's implied vol, 0.2 = 20%"),
                Param.series("forwards", "The forward of each quote's expiry: one per quote, or one per expiry"
                    + " (ascending)"),
                Param.series("weights", "Weight of each quote (e.g. vega or 1/spread), >= 0").optional())
            .array()
            .body(SmileFunctions::surface)
            .example(SURFACE_QUOTES[0], SURFACE_QUOTES[1], SURFACE_QUOTES[2], SURFACE_QUOTES[3])
            .build());
  }

  private static Object fit(Values v) {
    double[][] quotes = v.isAbsent(4) ? v.aligned(0, 1) : v.aligned(0, 1, 4);
    SviFit.Result r = SviFit.fit(quotes[0], quotes[1], v.number(2), v.number(3),
        v.isAbsent(4) ? null : quotes[2]);
    Svi s = r.svi();
    return new double[][] {{s.a(), s.b(), s.rho(), s.m(), s.sigma(), r.rms()}};
  }

  private static Object surface(Values v) {
    boolean perQuote = v.rawSeries(3).length == v.rawSeries(0).length; // else one forward per expiry
    int[] columns = perQuote ? new int[] {0, 1, 2, 3, 4} : new int[] {0, 1, 2, 4};
    double[][] q = v.aligned(v.isAbsent(4) ? java.util.Arrays.copyOf(columns, columns.length - 1) : columns);
    double[] forwards = perQuote ? q[3] : v.series(3);
    double[] weights = v.isAbsent(4) ? null : q[q.length - 1];
    SviSurfaceFit.Result r = SviSurfaceFit.fit(q[0], q[1], q[2], forwards, weights);
    SviSurface surface = r.surface();
    Object[][] out = new Object[surface.size() + 1][];
    out[0] = SURFACE_HEADER.clone();
    for (int i = 0; i < surface.size(); i++) {
      Svi s = surface.slice(i);
      out[i + 1] = new Object[] {surface.years(i), s.a(), s.b(), s.rho(), s.m(), s.sigma(), r.forwards()[i],
          r.rms()[i], r.calendarMargin()[i]};
    }
    return out;
  }
}
