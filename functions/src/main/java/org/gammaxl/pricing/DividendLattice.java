package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * European and American options on an underlying that pays known cash dividends, the spot itself lognormal between
 * ex-dates and dropping by each dividend on its ex-date (the "spot" or piecewise-lognormal model; Vellekoop and
 * Nieuwenhuis, "Efficient pricing of derivatives on assets with discrete dividends", Applied Mathematical Finance 13,
 * 2006). Unlike the escrowed model ({@link EscrowedDividends}) the vol is the vol of the quoted spot, the model
 * QuantLib's finite-difference engines call {@code Spot}.
 *
 * <p>The lattice is a Crank–Nicolson grid in x = ln S, uniform, with the spot on a node and every ex-date a time
 * node, so a dividend falls exactly where it is paid. Across an ex-date t_i the value is carried by continuity,
 * V(t_i−, S) = V(t_i+, S − D_i), read off the grid by cubic interpolation in ln S (below the grid, and where
 * S ≤ D_i, from the far-boundary value at max(S − D_i, 0)); an American holder may exercise just before the drop.
 * The first two steps after expiry and after each ex-date are Rannacher steps (four implicit half steps) so the
 * kinks do not ring. American exercise is the projection V = max(V, payoff) after every step. The far boundaries
 * are ±6 standard deviations plus the drift and the total dividend drop away from the spot and the strike, with
 * the discounted forward payoff there (dividends still to come included).
 *
 * <p>Greeks (raw units, see {@link Greek}): delta, gamma and speed from the grid at the spot; theta from the
 * pricing equation at the spot, θ = rV − (r − q)SΔ − ½σ²S²Γ (0 where the holder exercises now); charm and color
 * from the grid one time step later (first order in the step); vega, vanna, zomma, vomma and veta from the same
 * grid with the vol moved by ±{@value #VOL_BUMP}; rho and phi by ±{@value #RATE_BUMP} in the rate and the yield;
 * dual delta and dual gamma by ±{@value #STRIKE_BUMP} × strike. Ultima, European exercise only, by the third
 * difference of the value over σ ± {@value #ULTIMA_BUMP} and σ ± 2×that on the same grid; NaN (not defined) with
 * early exercise, where that difference is noise. Lambda is ΔS/V.
 */
public final class DividendLattice implements CashDividendPricer {
  /** Space intervals of the grid. */
  public static final int DEFAULT_SPACE_STEPS = 400;
  /** Time steps from now to expiry (at least one per period between ex-dates). */
  public static final int DEFAULT_TIME_STEPS = 200;

  static final double VOL_BUMP = 1e-2;
  /** The vol step of ultima's third difference: small, as the grid is fixed and the value smooth in vol. */
  static final double ULTIMA_BUMP = 2.5e-3;
  static final double RATE_BUMP = 1e-4;
  static final double STRIKE_BUMP = 2e-3;
  private static final double STANDARD_DEVIATIONS = 6;

  /** The European lattice at the default resolution. */
  public static final DividendLattice EUROPEAN = new DividendLattice(false, DEFAULT_SPACE_STEPS, DEFAULT_TIME_STEPS);
  /** The American lattice at the default resolution. */
  public static final DividendLattice AMERICAN = new DividendLattice(true, DEFAULT_SPACE_STEPS, DEFAULT_TIME_STEPS);

  private final boolean american;
  private final int spaceSteps;
  private final int timeSteps;

  private DividendLattice(boolean american, int spaceSteps, int timeSteps) {
    this.american = american;
    this.spaceSteps = spaceSteps;
    this.timeSteps = timeSteps;
  }

  /** A lattice of the given resolution (for convergence studies): space intervals ≥ 20, time steps ≥ 4. */
  public static DividendLattice of(boolean american, int spaceSteps, int timeSteps) {
    if (spaceSteps < 20 || spaceSteps > 100_000) {
      throw InvalidInputException.domain("spaceSteps", "must be between 20 and 100000, was " + spaceSteps);
    }
    if (timeSteps < 4 || timeSteps > 100_000) {
      throw InvalidInputException.domain("timeSteps", "must be between 4 and 100000, was " + timeSteps);
    }
    return new DividendLattice(american, spaceSteps, timeSteps);
  }

  /** Whether the holder may exercise before expiry. */
  public boolean american() {
    return american;
  }

  /** The option value per unit of underlying. */
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, CashDividends dividends) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return value(type, spot, strike, years, vol, rate, yield, dividends);
  }

  /** The value for checked inputs. */
  double value(OptionType type, double spot, double strike, double years, double vol, double rate, double yield,
      CashDividends dividends) {
    if (years == 0.0 || vol == 0.0) {
      return deterministic(type, spot, strike, years, rate, yield, dividends);
    }
    Grid grid = Grid.fine(spaceSteps, spot, strike, years, vol, rate, yield, dividends);
    return solve(grid, type.sign(), strike, vol, rate, yield, dividends, false)[0];
  }

  /** All greeks; see the class comment for how each is taken. */
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, CashDividends dividends) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    double[] g = new double[Greek.values().length];
    java.util.Arrays.fill(g, Double.NaN);
    if (years == 0.0 || vol == 0.0) {
      return degenerate(type, spot, strike, years, rate, yield, dividends);
    }
    Grid grid = Grid.fine(spaceSteps, spot, strike, years, vol, rate, yield, dividends);
    int phi = type.sign();
    double[] base = solve(grid, phi, strike, vol, rate, yield, dividends, true);
    fillSpot(g, base);
    double hv = Math.min(VOL_BUMP, 0.5 * vol);
    double[] up = solve(grid, phi, strike, vol + hv, rate, yield, dividends, true);
    double[] down = solve(grid, phi, strike, vol - hv, rate, yield, dividends, true);
    g[Greek.VEGA.ordinal()] = (up[0] - down[0]) / (2 * hv);
    g[Greek.VOMMA.ordinal()] = (up[0] - 2 * base[0] + down[0]) / (hv * hv);
    g[Greek.VANNA.ordinal()] = (up[1] - down[1]) / (2 * hv);
    g[Greek.ZOMMA.ordinal()] = (up[2] - down[2]) / (2 * hv);
    g[Greek.VETA.ordinal()] = (up[4] - down[4]) / (2 * hv);
    g[Greek.ULTIMA.ordinal()] = american ? Double.NaN
        : ultima(grid, phi, strike, vol, rate, yield, dividends, hv, up[0], down[0]);
    g[Greek.RHO.ordinal()] = (solve(grid, phi, strike, vol, rate + RATE_BUMP, yield, dividends, false)[0]
        - solve(grid, phi, strike, vol, rate - RATE_BUMP, yield, dividends, false)[0]) / (2 * RATE_BUMP);
    g[Greek.PHI.ordinal()] = (solve(grid, phi, strike, vol, rate, yield + RATE_BUMP, dividends, false)[0]
        - solve(grid, phi, strike, vol, rate, yield - RATE_BUMP, dividends, false)[0]) / (2 * RATE_BUMP);
    double hk = STRIKE_BUMP * strike;
    double kUp = solve(grid, phi, strike + hk, vol, rate, yield, dividends, false)[0];
    double kDown = solve(grid, phi, strike - hk, vol, rate, yield, dividends, false)[0];
    g[Greek.DUALDELTA.ordinal()] = (kUp - kDown) / (2 * hk);
    g[Greek.DUALGAMMA.ordinal()] = (kUp - 2 * base[0] + kDown) / (hk * hk);
    double price = g[0];
    g[Greek.LAMBDA.ordinal()] = price == 0 ? Double.NaN : g[1] * spot / price;
    return Greeks.wrap(g);
  }

  /**
   * One greek, solving only the grids it needs (one for price, delta, gamma, speed, theta, charm, color and
   * lambda; three for the vol greeks; two for rho, phi and the dual greeks).
   */
  public double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    switch (greek) {
      case PRICE:
        return price(type, spot, strike, years, vol, rate, yield, dividends);
      case DELTA: case GAMMA: case SPEED: case THETA: case CHARM: case COLOR: case LAMBDA: {
        AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
        if (years == 0.0 || vol == 0.0) {
          return degenerate(type, spot, strike, years, rate, yield, dividends).get(greek);
        }
        double[] g = new double[Greek.values().length];
        Grid grid = Grid.fine(spaceSteps, spot, strike, years, vol, rate, yield, dividends);
        fillSpot(g, solve(grid, type.sign(), strike, vol, rate, yield, dividends, true));
        g[Greek.LAMBDA.ordinal()] = g[0] == 0 ? Double.NaN : g[1] * spot / g[0];
        return g[greek.ordinal()];
      }
      case ULTIMA: {
        AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
        if (american || years == 0.0 || vol == 0.0) {
          return Double.NaN; // see ultima()
        }
        Grid grid = Grid.fine(spaceSteps, spot, strike, years, vol, rate, yield, dividends);
        double hv = Math.min(VOL_BUMP, 0.5 * vol);
        return ultima(grid, type.sign(), strike, vol, rate, yield, dividends, hv, Double.NaN, Double.NaN);
      }
      default:
        return greeks(type, spot, strike, years, vol, rate, yield, dividends).get(greek);
    }
  }

  /**
   * ∂³V/∂σ³ by the central third difference (V(σ + 2h) − 2V(σ + h) + 2V(σ − h) − V(σ − 2h))/(2h³) on one grid, with
   * h = min({@value #VOL_BUMP}, σ/4) (so σ − 2h stays above 0); {@code up} and {@code down}, V(σ ± hv), are reused
   * when that h is hv (NaN: solve them). European exercise only: with early exercise the boundary moves across
   * whole grid nodes as the vol moves, and a third difference of the value is noise (tried: signs flip), so the
   * American lattice gives NaN (#N/A).
   */
  private double ultima(Grid grid, int phi, double strike, double vol, double rate, double yield,
      CashDividends dividends, double hv, double up, double down) {
    double h = Math.min(ULTIMA_BUMP, 0.25 * vol);
    double u1 = h == hv && up == up ? up : solve(grid, phi, strike, vol + h, rate, yield, dividends, false)[0];
    double d1 = h == hv && down == down ? down : solve(grid, phi, strike, vol - h, rate, yield, dividends, false)[0];
    double u2 = solve(grid, phi, strike, vol + 2 * h, rate, yield, dividends, false)[0];
    double d2 = solve(grid, phi, strike, vol - 2 * h, rate, yield, dividends, false)[0];
    return (u2 - 2 * u1 + 2 * d1 - d2) / (2 * h * h * h);
  }

  /**
   * The vol at which the lattice value equals {@code price}, by bracketing and Brent's method: the value rises with
   * vol from its zero-vol value ({@link #deterministic}) towards the upper bound (the spot for a call, the strike
   * for a put; a European call also below the spot less the dividends' present value). A price outside gives
   * DOMAIN naming {@code price} and the bound; a price equal to the zero-vol value gives 0.
   */
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield, CashDividends dividends) {
    AmericanSupport.checkImpliedInputs(type, price, spot, strike, years, rate, yield);
    if (years == 0.0) {
      throw InvalidInputException.domain("years", "no volatility can be implied at expiry (years = 0)");
    }
    double bound = type == OptionType.CALL
        ? (american ? spot : spot * Math.exp(-yield * years) - dividends.presentValue(rate, years))
        : (american ? strike : strike * Math.exp(-rate * years));
    if (price >= bound) {
      throw InvalidInputException.domain("price", "at or above the upper bound " + bound
          + (type == OptionType.CALL ? " (what the underlying is worth to the holder)" : " (the strike)"));
    }
    double floor = deterministic(type, spot, strike, years, rate, yield, dividends);
    double tolerance = 1e-12 * Math.max(1.0, floor);
    if (price < floor - tolerance) {
      throw InvalidInputException.domain("price", "below the zero-volatility value " + floor
          + (american ? " (exercise at the best date on the certain path)" : " (the discounted forward payoff)"));
    }
    if (price <= floor + tolerance) {
      return 0.0;
    }
    double lo = 0.0;
    double hi = 0.5;
    while (value(type, spot, strike, years, hi, rate, yield, dividends) < price) {
      lo = hi;
      hi *= 2.0;
      if (hi > 20) {
        throw InvalidInputException.domain("price", "above the value at vol 2000%, too close to the bound " + bound);
      }
    }
    org.apache.commons.math3.analysis.solvers.BrentSolver solver =
        new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-14, 1e-10, 1e-13 * Math.max(1.0, price));
    try {
      return solver.solve(200, vol -> value(type, spot, strike, years, vol, rate, yield, dividends) - price, lo, hi);
    } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
      throw InvalidInputException.domain("price", "no implied volatility found (" + e.getMessage() + ")");
    }
  }

  private static void fillSpot(double[] g, double[] base) {
    g[Greek.PRICE.ordinal()] = base[0];
    g[Greek.DELTA.ordinal()] = base[1];
    g[Greek.GAMMA.ordinal()] = base[2];
    g[Greek.SPEED.ordinal()] = base[3];
    g[Greek.THETA.ordinal()] = base[4];
    g[Greek.CHARM.ordinal()] = base[5];
    g[Greek.COLOR.ordinal()] = base[6];
  }

  /** Greeks at expiry or zero vol: the value, delta by a small spot move of the certain path, the rest 0. */
  private Greeks degenerate(OptionType type, double spot, double strike, double years, double rate, double yield,
      CashDividends dividends) {
    double h = 1e-6 * spot;
    double v = deterministic(type, spot, strike, years, rate, yield, dividends);
    double delta = (deterministic(type, spot + h, strike, years, rate, yield, dividends)
        - deterministic(type, spot - h, strike, years, rate, yield, dividends)) / (2 * h);
    double[] g = new double[Greek.values().length];
    g[Greek.PRICE.ordinal()] = v;
    g[Greek.DELTA.ordinal()] = delta;
    g[Greek.ULTIMA.ordinal()] = Double.NaN;
    g[Greek.LAMBDA.ordinal()] = v == 0 ? Double.NaN : delta * spot / v;
    return Greeks.wrap(g);
  }

  /**
   * The value when nothing is uncertain (vol 0) or at expiry: the path S(t) grows at b = r − q and drops by each
   * dividend; a European holder is paid at expiry, an American one at the best date: now, just before an ex-date,
   * at expiry, or where e^{−rt}·φ(S(t) − K) is stationary between two ex-dates.
   */
  double deterministic(OptionType type, double spot, double strike, double years, double rate, double yield,
      CashDividends dividends) {
    int phi = type.sign();
    double b = rate - yield;
    double best = 0;
    double t0 = 0;
    double s0 = spot; // the path's level at t0, just after the drops at t0
    int i = 0;
    while (true) {
      double end = i < dividends.size() ? dividends.time(i) : years;
      if (american) {
        best = Math.max(best, phi * (s0 - strike) * Math.exp(-rate * t0));
        double sEnd = s0 * Math.exp(b * (end - t0));
        best = Math.max(best, phi * (sEnd - strike) * Math.exp(-rate * end));
        if (b != 0 && rate != b) {
          double ratio = rate * strike / ((rate - b) * s0);
          if (ratio > 0) {
            double t = t0 + Math.log(ratio) / b;
            if (t > t0 && t < end) {
              best = Math.max(best, phi * (s0 * Math.exp(b * (t - t0)) - strike) * Math.exp(-rate * t));
            }
          }
        }
      }
      s0 *= Math.exp(b * (end - t0));
      t0 = end;
      if (i >= dividends.size()) {
        break;
      }
      s0 = Math.max(s0 - dividends.amount(i), 0.0);
      i++;
    }
    return Math.max(best, Math.exp(-rate * years) * Math.max(phi * (s0 - strike), 0.0));
  }

  @Override
  public String toString() {
    return "DividendLattice(" + (american ? "American" : "European") + ", " + spaceSteps + " x " + timeSteps + ")";
  }

  /**
   * The space grid, fixed by the unbumped inputs so that bumped solves share it: uniform in ln S, the spot and (where
   * it fits) the strike on a node, an even number of intervals with the spot on an even node, so that every other
   * node is the same grid at half the resolution ({@link #coarse()}), for the Richardson extrapolation.
   */
  private static final class Grid {
    final int m;
    final double xLow;
    final double dx;
    final int spot;
    final double[] s;
    final double[] times; // segment ends in calendar time, descending from expiry to now
    final double years;
    /** Time steps of a period between ex-dates: the fine grid's count divided by this. */
    final int timeDivisor;

    private Grid(int m, double xLow, double dx, int spot, double[] s, double[] times, double years, int timeDivisor) {
      this.m = m;
      this.xLow = xLow;
      this.dx = dx;
      this.spot = spot;
      this.s = s;
      this.times = times;
      this.years = years;
      this.timeDivisor = timeDivisor;
    }

    static Grid fine(int spaceSteps, double spotPrice, double strike, double years, double vol, double rate,
        double yield, CashDividends dividends) {
      double x0 = Math.log(spotPrice);
      double xk = Math.log(strike);
      double width = STANDARD_DEVIATIONS * vol * Math.sqrt(years) + Math.abs(rate - yield) * years;
      double remaining = spotPrice - dividends.total();
      double drop = remaining > 1e-3 * spotPrice ? Math.log(spotPrice / remaining) : Math.log(1e3);
      double lo = Math.min(x0, xk) - width - drop;
      double hi = Math.max(x0, xk) + width;
      int m = spaceSteps + (spaceSteps & 1);
      double step = (hi - lo) / m;
      // the strike on an even node too, so that the payoff's kink is a node of both grids (clean second order)
      long toStrike = 2 * Math.round((xk - x0) / (2 * step));
      if (toStrike != 0 && Math.abs(toStrike) < m - 4) {
        step = (xk - x0) / toStrike;
      }
      int i0 = 2 * (int) Math.round((x0 - lo) / (2 * step));
      i0 = Math.max(4, Math.min(m - 4, i0));
      double xLow = x0 - i0 * step;
      double[] s = new double[m + 1];
      for (int j = 0; j <= m; j++) {
        s[j] = Math.exp(xLow + j * step);
      }
      s[i0] = spotPrice;
      return new Grid(m, xLow, step, i0, s, segmentEnds(years, dividends), years, 1);
    }

    /** Every other node: the same grid at half the resolution in space and time. */
    Grid coarse() {
      double[] half = new double[m / 2 + 1];
      for (int j = 0; j < half.length; j++) {
        half[j] = s[2 * j];
      }
      return new Grid(m / 2, xLow, 2 * dx, spot / 2, half, times, years, 2 * timeDivisor);
    }
  }

  /** Expiry, the distinct ex-dates strictly inside (0, expiry) in descending order, and 0. */
  private static double[] segmentEnds(double years, CashDividends d) {
    double[] out = new double[d.size() + 2];
    int n = 0;
    out[n++] = years;
    for (int i = d.size() - 1; i >= 0; i--) {
      double t = d.time(i);
      if (t > 0 && t < years && t != out[n - 1]) {
        out[n++] = t;
      }
    }
    out[n++] = 0;
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * {@link #solveOn} the grid and on every other node of it, extrapolated: (4·fine − coarse)/3 for the value, delta,
   * gamma, speed and theta, which the grid gets to second order in its spacing and time step; charm and color from
   * the fine grid.
   */
  private double[] solve(Grid grid, int phi, double strike, double vol, double rate, double yield,
      CashDividends dividends, boolean greeks) {
    double[] fine = solveOn(grid, phi, strike, vol, rate, yield, dividends, greeks);
    double[] coarse = solveOn(grid.coarse(), phi, strike, vol, rate, yield, dividends, greeks);
    for (int i = 0; i < 5; i++) {
      fine[i] = (4 * fine[i] - coarse[i]) / 3;
    }
    return fine;
  }

  /**
   * Rolls the grid back from expiry to now; returns {value, delta, gamma, speed, theta, charm, color} at the spot
   * (the greeks only when {@code greeks}).
   */
  private double[] solveOn(Grid grid, int phi, double strike, double vol, double rate, double yield,
      CashDividends dividends, boolean greeks) {
    int m = grid.m;
    double[] s = grid.s;
    double[] v = new double[m + 1];
    double[] work = new double[m + 1];
    double[] payoff = new double[m + 1];
    for (int j = 0; j <= m; j++) {
      payoff[j] = Math.max(phi * (s[j] - strike), 0.0);
      v[j] = payoff[j];
    }
    smoothKink(v, grid, phi, strike);
    double years = grid.years;
    double a = 0.5 * vol * vol;
    double drift = rate - yield - a;
    double dx = grid.dx;
    double lower = a / (dx * dx) - drift / (2 * dx);
    double upper = a / (dx * dx) + drift / (2 * dx);
    if (lower < 0) { // upwind the drift where the grid is too coarse for central differences to stay monotone
      lower = a / (dx * dx);
      upper = a / (dx * dx) + drift / dx;
    } else if (upper < 0) {
      lower = a / (dx * dx) - drift / dx;
      upper = a / (dx * dx);
    }
    double centre = -lower - upper - rate;
    Stepper stepper = new Stepper(m, lower, centre, upper);
    double[] exercise = american ? payoff : null;
    int k = dividends.size() - 1;
    double[] ends = grid.times;
    double[] previous = null;
    double lastStep = 0;
    for (int seg = 0; seg + 1 < ends.length; seg++) {
      double from = ends[seg];
      double to = ends[seg + 1];
      // dividends going ex at `from` (expiry, or an inner ex-date): the value just before them
      while (k >= 0 && dividends.time(k) >= from && dividends.time(k) > 0) {
        if (dividends.time(k) <= years) {
          exDividend(v, work, grid, phi, strike, from, dividends.amount(k), rate, yield, dividends);
        }
        k--;
      }
      if (american) {
        project(v, payoff);
      }
      int n = 2 * Math.max(2, (int) Math.round(0.5 * timeSteps * (from - to) / years)) / grid.timeDivisor;
      double dt = (from - to) / n;
      double t = from;
      for (int step = 0; step < n; step++) {
        if (greeks && seg + 2 == ends.length && step == n - 1) {
          previous = v.clone();
          lastStep = dt;
        }
        double next = step == n - 1 ? to : t - dt;
        if (step < 2) { // Rannacher: two implicit half steps
          double mid = 0.5 * (t + next);
          stepper.step(v, 1.0, t - mid, edge(phi, s[0], strike, mid, years, rate, yield, dividends),
              edge(phi, s[m], strike, mid, years, rate, yield, dividends), exercise, phi);
          stepper.step(v, 1.0, mid - next, edge(phi, s[0], strike, next, years, rate, yield, dividends),
              edge(phi, s[m], strike, next, years, rate, yield, dividends), exercise, phi);
        } else {
          stepper.step(v, 0.5, t - next, edge(phi, s[0], strike, next, years, rate, yield, dividends),
              edge(phi, s[m], strike, next, years, rate, yield, dividends), exercise, phi);
        }
        t = next;
      }
    }
    // dividends going ex now: the spot is quoted cum-dividend
    while (k >= 0) {
      exDividend(v, work, grid, phi, strike, 0, dividends.amount(k), rate, yield, dividends);
      if (american) {
        project(v, payoff);
      }
      k--;
    }
    int i = grid.spot;
    double[] out = new double[7];
    out[0] = v[i];
    if (!greeks) {
      return out;
    }
    double s0 = s[i];
    double[] d = spotDerivatives(v, i, dx, s0);
    out[1] = d[0];
    out[2] = d[1];
    out[3] = d[2];
    boolean exercised = american && v[i] <= payoff[i] && payoff[i] > 0;
    out[4] = exercised ? 0.0
        : rate * v[i] - (rate - yield) * s0 * d[0] - 0.5 * vol * vol * s0 * s0 * d[1];
    if (previous != null) {
      double[] later = spotDerivatives(previous, i, dx, s0);
      out[5] = (later[0] - d[0]) / lastStep;
      out[6] = (later[1] - d[1]) / lastStep;
    }
    return out;
  }

  /**
   * The payoff at the two nodes either side of the strike replaced by its average over the node's cell
   * [x − dx/2, x + dx/2] in ln S, so that the error of the grid does not depend on where the kink falls between
   * nodes and the two grids of the extrapolation see the same expansion.
   */
  private static void smoothKink(double[] v, Grid grid, int phi, double strike) {
    double xk = Math.log(strike);
    int below = (int) Math.floor((xk - grid.xLow) / grid.dx);
    for (int j = Math.max(0, below - 1); j <= Math.min(grid.m, below + 2); j++) {
      double lo = grid.xLow + (j - 0.5) * grid.dx;
      double hi = lo + grid.dx;
      if (xk <= lo || xk >= hi) {
        continue;
      }
      // ∫ max(φ(e^x − K), 0) dx over the cell: the call part above ln K, or the put part below it
      double integral = phi > 0 ? Math.exp(hi) - strike - strike * (hi - xk)
          : strike * (xk - lo) - (strike - Math.exp(lo));
      v[j] = integral / grid.dx;
    }
  }

  /** Delta, gamma and speed at node i from V on the ln S grid. */
  private static double[] spotDerivatives(double[] v, int i, double dx, double s) {
    double vx = (v[i + 1] - v[i - 1]) / (2 * dx);
    double vxx = (v[i + 1] - 2 * v[i] + v[i - 1]) / (dx * dx);
    double vxxx = (v[i + 2] - 2 * v[i + 1] + 2 * v[i - 1] - v[i - 2]) / (2 * dx * dx * dx);
    return new double[] {vx / s, (vxx - vx) / (s * s), (vxxx - 3 * vxx + 2 * vx) / (s * s * s)};
  }

  private static void project(double[] v, double[] payoff) {
    for (int j = 0; j < v.length; j++) {
      if (v[j] < payoff[j]) {
        v[j] = payoff[j];
      }
    }
  }

  /** V(t−, S) = V(t+, S − D) on the grid (cubic in ln S), the far-boundary value below it. */
  private static void exDividend(double[] v, double[] work, Grid grid, int phi, double strike, double t,
      double amount, double rate, double yield, CashDividends dividends) {
    int m = grid.m;
    double[] s = grid.s;
    for (int j = 0; j <= m; j++) {
      double ex = s[j] - amount;
      if (ex <= s[0]) {
        work[j] = boundary(phi, Math.max(ex, 0.0), strike, t, grid.years, rate, yield, dividends);
        continue;
      }
      double u = (Math.log(ex) - grid.xLow) / grid.dx;
      int c = Math.max(1, Math.min(m - 2, (int) Math.floor(u)));
      double f = u - c; // position relative to node c; nodes c-1, c, c+1, c+2
      double w0 = -f * (f - 1) * (f - 2) / 6;
      double w1 = (f + 1) * (f - 1) * (f - 2) / 2;
      double w2 = -(f + 1) * f * (f - 2) / 2;
      double w3 = (f + 1) * f * (f - 1) / 6;
      work[j] = w0 * v[c - 1] + w1 * v[c] + w2 * v[c + 1] + w3 * v[c + 2];
    }
    System.arraycopy(work, 0, v, 0, m + 1);
  }

  /**
   * The value at a far edge of the grid at calendar time t: the discounted forward payoff φ(F − K)·e^{−r(T−t)}
   * (F net of the dividends still to come) where the option is deep in the money, 0 where it is far out of it;
   * an American holder gets at least the payoff now.
   */
  private static double boundary(int phi, double spot, double strike, double t, double years, double rate,
      double yield, CashDividends dividends) {
    double tau = years - t;
    double pending = 0;
    for (int i = 0; i < dividends.size(); i++) {
      double ti = dividends.time(i);
      if (ti > t && ti <= years) {
        pending += dividends.amount(i) * Math.exp(-rate * (ti - t) - yield * (years - ti));
      }
    }
    double forwardPayoff = phi * (spot * Math.exp(-yield * tau) - pending - strike * Math.exp(-rate * tau));
    return Math.max(forwardPayoff, 0.0);
  }

  /** {@link #boundary}, and at least the payoff now for an American holder. */
  private double edge(int phi, double spot, double strike, double t, double years, double rate, double yield,
      CashDividends dividends) {
    double v = boundary(phi, spot, strike, t, years, rate, yield, dividends);
    return american ? Math.max(v, Math.max(phi * (spot - strike), 0.0)) : v;
  }

  /** θ-scheme steps of the constant-coefficient operator with Dirichlet edges (Thomas algorithm, no allocation). */
  private static final class Stepper {
    private final int m;
    private final double lower;
    private final double centre;
    private final double upper;
    private final double[] rhs;
    private final double[] c;

    Stepper(int m, double lower, double centre, double upper) {
      this.m = m;
      this.lower = lower;
      this.centre = centre;
      this.upper = upper;
      this.rhs = new double[m + 1];
      this.c = new double[m + 1];
    }

    /**
     * One step of length dt (backwards in calendar time), θ = 1 implicit, ½ Crank–Nicolson; edges at the new time.
     * With a payoff, the American constraint V ≥ payoff is solved exactly by the Brennan–Schwartz sweep: the
     * elimination runs from the continuation side and the back substitution, which meets the exercise region last,
     * takes the larger of the continuation and the payoff at each node (φ = +1: exercise at high spots).
     */
    void step(double[] v, double theta, double dt, double edgeLow, double edgeHigh, double[] payoff, int phi) {
      double ex = (1 - theta) * dt;
      for (int j = 1; j < m; j++) {
        rhs[j] = v[j] + ex * (lower * v[j - 1] + centre * v[j] + upper * v[j + 1]);
      }
      double im = theta * dt;
      double a = -im * lower;
      double b = 1 - im * centre;
      double cc = -im * upper;
      rhs[1] -= a * edgeLow;
      rhs[m - 1] -= cc * edgeHigh;
      v[0] = edgeLow;
      v[m] = edgeHigh;
      if (payoff == null || phi > 0) {
        c[1] = cc / b;
        rhs[1] = rhs[1] / b;
        for (int j = 2; j < m; j++) {
          double denom = b - a * c[j - 1];
          c[j] = cc / denom;
          rhs[j] = (rhs[j] - a * rhs[j - 1]) / denom;
        }
        v[m - 1] = exercise(rhs[m - 1], payoff, m - 1);
        for (int j = m - 2; j >= 1; j--) {
          v[j] = exercise(rhs[j] - c[j] * v[j + 1], payoff, j);
        }
      } else {
        c[m - 1] = a / b;
        rhs[m - 1] = rhs[m - 1] / b;
        for (int j = m - 2; j >= 1; j--) {
          double denom = b - cc * c[j + 1];
          c[j] = a / denom;
          rhs[j] = (rhs[j] - cc * rhs[j + 1]) / denom;
        }
        v[1] = exercise(rhs[1], payoff, 1);
        for (int j = 2; j < m; j++) {
          v[j] = exercise(rhs[j] - c[j] * v[j - 1], payoff, j);
        }
      }
    }

    private static double exercise(double continuation, double[] payoff, int j) {
      return payoff == null ? continuation : Math.max(continuation, payoff[j]);
    }
  }
}
