package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * American options by the method of Andersen, Lake and Offengenden ("High-performance American option pricing",
 * Journal of Computational Finance 20(1), 2016): the exercise boundary is solved by a fixed-point iteration on its
 * integral equation ({@link AndersenLakeBoundary}, started from the QD+ approximation, Chebyshev nodes in √τ,
 * Gauss–Legendre quadrature) and the value is the European value plus the early-exercise premium
 * ∫₀^T [φ·(qS·e^{−qt}·Φ(φd₊) − rK·e^{−rt}·Φ(φd₋))] dt, d± = (ln(S/B(T − t)) + (r − q)t)/(σ√t) ± ½σ√t, φ = +1 for a
 * call and −1 for a put. Generalized Black–Scholes–Merton dynamics: rate r, continuous yield q, cost of carry r − q.
 *
 * <p><b>Accuracy</b> (largest error against a solve on 49 nodes, strike 100, spots 70–130, vols 10–80 %, rates
 * 0.1–10 %, yields 0–8 %; {@code AmericanAndersenLakeTest} checks it against an independent converged lattice):
 * {@link #ACCURATE} (the worksheet's {@code AMERICAN}) 1e-10 at one day, 2e-9 at a month, 1e-7 from three months to
 * ten years — about 1e-9 of the strike; {@link #FAST} ({@code AMERICAN.FAST}) 1e-6 within a month, 2e-5 within a
 * year, 3e-4 at ten years. Both are exact in the limits: T = 0 is intrinsic, vol = 0 the deterministic value.
 *
 * <p><b>Small vols and large carries</b> (docs/american.md): a put-equivalent boundary at the strike that settles
 * early — κ = μ²T/(2σ²) ≥ 1 (FAST: 4), μ = r − q − ½σ² — takes a steeper scheme, and once the proven gap to the
 * perpetual put is below 1e-12 of the strike ({@link AmericanPerpetual}) it is that put, greeks included; below
 * σ√T = {@value #SPLIT_BELOW} the price integral is split where the forward path meets the boundary.
 *
 * <p><b>Calls, puts and rates.</b> A call is valued as the put it mirrors (McDonald–Schroder symmetry
 * C(S, K, r, q) = P(K, S, q, r)), so the boundary is always a put's. Early exercise never pays for a put with r ≤ 0
 * and q ≥ r, nor for a call with q ≤ 0 and r ≥ q: the value is then the European one. A put with r &lt; 0 and q &lt; r
 * (a call with q &lt; 0 and r &lt; q) has two exercise boundaries, which this method does not solve: it is a DOMAIN
 * error naming {@code rate} that says so ({@link AmericanLattice} values it).
 *
 * <p><b>Greeks</b> come from the boundary, not from revaluing the option: the spot greeks (delta, gamma, speed) and,
 * through the homogeneity of V in (S, K), the dual greeks differentiate the premium integral with the boundary held
 * fixed (it does not depend on spot); theta, charm, color and veta follow from the pricing equation
 * θ = rV − (r − q)SΔ − ½σ²S²Γ, which holds wherever the option is alive; vega, rho and phi add to the integral's
 * explicit derivative the boundary's own sensitivity, from one linear solve of the differentiated boundary equations
 ({@link AndersenLakeBoundary#tangent}). The vol cross- and higher greeks are differences over vol ± h, h =
 * {@value #VOL_BUMP} (or a quarter of the vol when smaller): vanna and zomma of the analytic delta and gamma, vomma
 * (V(σ + h) − 2V + V(σ − h))/h² and ultima 3·(V(σ + h) − V(σ − h) − 2h·vega)/h³; each bumped boundary starts from
 * the tangent step and takes one Newton step, which converges it (the start is O(h²) off). {@link #ACCURATE} takes
 * these three solves on a coarse scheme (degree 8), whose error is smooth in vol, so that all 18 greeks cost about
 * 2.4 prices (price, delta, gamma, vega and theta about 1.3); {@link #FAST} on its own. In the exercise region every
 * greek is that of the intrinsic value. Raw units as on {@link Greek}. At vol = 0 the greeks are finite differences
 * ({@link AmericanGreeks}). Implied vol is a bracketed Brent search ({@link AmericanImpliedVol}).
 */
public final class AmericanAndersenLake implements OptionPricer {
  /**
   * About 1e-9 of the strike (2.7e-8 at strike 100 on the benchmark batch, expiries to two years). Up to two years: a
   * boundary at the strike (put yield ≤ rate) on degree 12 in (τ/T)^¼ and 12 points per integral (its start
   * σ√(τ·ln(1/τ)) is not smooth in √τ); one below the strike (X = r/q) on degree 16 split where the strike's pull
   * sets in ({@link #scheme}), 16 points, or degree 16 and 12 points in √τ when that is after half the expiry; beyond
   * two years degree 24 and 16 points in √τ. From QD+ two Newton steps on 8 points (10 on the long scheme; their
   * result is limited by their start, not by their quadrature), then one chord step on the full quadrature that
   * reuses the second step's Jacobian (no Jacobian assembly or factoring there; a Newton step instead when the second
   * step still moved a node by more than 1e-3), tanh–sinh step 1/16 (103 points) for the price.
   */
  public static final AmericanAndersenLake ACCURATE = new AmericanAndersenLake("accurate",
      new AndersenLakeScheme(16, 12, 3, 16, true, 8, 2), 0.5, 2.0, new AndersenLakeScheme(24, 16, 3, 16, true, 10, 2),
      new AndersenLakeScheme(8, 6, 2, 16, true), new AndersenLakeScheme(12, 12, 3, 16, true, 8, 2, 2.0),
      splitFamily(16, 4, 16, 8), new AndersenLakeScheme(32, 24, 4, 16, true, 0, 0, 2.0), 1.0);
  /** About 1e-7 of the strike within a year: degree 8, 6 points, 2 Newton steps, tanh–sinh step 1/6 (39 points). */
  public static final AmericanAndersenLake FAST = new AmericanAndersenLake("fast",
      new AndersenLakeScheme(8, 6, 2, 6, true), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, null, null, null,
      null, new AndersenLakeScheme(24, 16, 3, 12, true, 0, 0, 2.0), 4.0);

  static final double VOL_BUMP = 0.001;

  private static final int PRICE = 0;
  private static final int FIRST = 1;
  private static final int ALL = 2;

  private final String name;
  private final AndersenLakeScheme shortScheme;
  /** Expiries (years) beyond which the long scheme serves: a boundary below the strike (X = r/q &lt; 1), any. */
  private final double cappedLongAfter;
  private final double longAfter;
  private final AndersenLakeScheme longScheme;
  /** The scheme of the vol cross-greeks' three solves; null: the pricer's own (reusing its solve at vol). */
  private final AndersenLakeScheme crossScheme;
  /** The short scheme for a boundary that starts at the strike (put yield ≤ rate); null: {@code shortScheme}. */
  private final AndersenLakeScheme atStrikeScheme;
  /**
   * For a boundary below the strike (put yield above the rate), the schemes split at √(τ/T) = ½·2^(−j/2), j = 1..:
   * [j − 1] serves when the strike's pull on the boundary sets in at about that root time (null: none).
   */
  private final AndersenLakeScheme[] splitSchemes;
  /**
   * For a boundary at the strike (put yield below the rate) that settles at its perpetual level early in the
   * option's life — κ = μ²T/(2σ²) ≥ {@link #steepAfter}, μ = r − q − ½σ² the put-equivalent drift, as at small vols
   * or long expiries with a large carry — a scheme of higher degree whose nodes resolve the bend (null: none).
   */
  private final AndersenLakeScheme steepScheme;
  private final double steepAfter;

  private AmericanAndersenLake(String name, AndersenLakeScheme shortScheme, double cappedLongAfter, double longAfter,
      AndersenLakeScheme longScheme, AndersenLakeScheme crossScheme, AndersenLakeScheme atStrikeScheme,
      AndersenLakeScheme[] splitSchemes) {
    this(name, shortScheme, cappedLongAfter, longAfter, longScheme, crossScheme, atStrikeScheme, splitSchemes, null,
        Double.POSITIVE_INFINITY);
  }

  private AmericanAndersenLake(String name, AndersenLakeScheme shortScheme, double cappedLongAfter, double longAfter,
      AndersenLakeScheme longScheme, AndersenLakeScheme crossScheme, AndersenLakeScheme atStrikeScheme,
      AndersenLakeScheme[] splitSchemes, AndersenLakeScheme steepScheme, double steepAfter) {
    this.steepScheme = steepScheme;
    this.steepAfter = steepAfter;
    this.atStrikeScheme = atStrikeScheme;
    this.splitSchemes = splitSchemes;
    this.name = name;
    this.shortScheme = shortScheme;
    this.cappedLongAfter = cappedLongAfter;
    this.longAfter = longAfter;
    this.longScheme = longScheme;
    this.crossScheme = crossScheme;
  }

  /**
   * Schemes of degree n, {@code inner} nodes before the split, l points (the first two of three Newton steps on
   * {@code firstPoints}), for splits at √(τ/T) = ½·2^(−j/2), j = 1..11.
   */
  private static AndersenLakeScheme[] splitFamily(int n, int inner, int l, int firstPoints) {
    AndersenLakeScheme[] family = new AndersenLakeScheme[11];
    for (int j = 1; j <= family.length; j++) {
      family[j - 1] = new AndersenLakeScheme(n, l, 3, 16, true, firstPoints, 2, 1.0, inner,
          0.5 * Math.pow(2, -0.5 * j));
    }
    return family;
  }

  /**
   * The scheme for an expiry, vol and the put-equivalent rate and yield. A boundary below the strike (q &gt; r, it
   * starts at X = K·r/q) first falls like √τ, until the strike's pull, of order exp(−c/τ), c = ln²(q/r)/(2σ²), sets
   * in at τ ≈ c/10 and bends it within a few multiples of that time: a function smooth in √τ, then in ln τ, which one
   * polynomial in √τ resolves only slowly; the split schemes put a few nodes on the first part and the rest on the
   * second, in ln √τ.
   */
  private AndersenLakeScheme scheme(double years, double vol, double rate, double yield) {
    if (steepScheme != null && yield < rate && AmericanPerpetual.kappa(years, vol, rate, yield) >= steepAfter) {
      return steepScheme;
    }
    if (splitSchemes != null && yield > rate && years <= longAfter) {
      double logRatio = Math.log(yield / rate);
      double onset = Math.sqrt(logRatio * logRatio / (20 * vol * vol * years));
      int j = (int) Math.ceil(-2 * Math.log(2 * onset) / Math.log(2));
      if (j >= 1) {
        return splitSchemes[Math.min(j, splitSchemes.length) - 1];
      }
    }
    if (years > (yield > rate ? cappedLongAfter : longAfter)) {
      return longScheme;
    }
    return yield <= rate && atStrikeScheme != null ? atStrikeScheme : shortScheme;
  }

  /**
   * A pricer with its own scheme, for convergence studies and benchmark references: Chebyshev degree n, l
   * Gauss–Legendre points per fixed-point integral, m iterations (Newton steps when {@code newton}, else one
   * Jacobi–Newton step and plain ones), tanh–sinh step 1/p for the price.
   */
  public static AmericanAndersenLake of(int n, int l, int m, int p, boolean newton) {
    return of(n, l, m, p, newton, 1.0);
  }

  /** As {@link #of(int, int, int, int, boolean)} with the node map τ/T = (½(1 + z))^(2·power). */
  public static AmericanAndersenLake of(int n, int l, int m, int p, boolean newton, double power) {
    return new AmericanAndersenLake("n=" + n + " l=" + l + " m=" + m + " p=" + p + (newton ? " newton" : "")
        + " power=" + power, new AndersenLakeScheme(n, l, m, p, newton, 0, 0, power),
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY, null, null, null, null);
  }

  /** Two pieces: {@code inner} of the n nodes on √(τ/T) ∈ [0, split], the others on [split, 1] in ln √τ. */
  public static AmericanAndersenLake split(int n, int inner, double split, int l, int m, int p) {
    return new AmericanAndersenLake("n=" + n + " inner=" + inner + " split=" + split + " l=" + l + " m=" + m + " p="
        + p, new AndersenLakeScheme(n, l, m, p, true, 0, 0, 1.0, inner, split), Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY, null, null, null, null);
  }

  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return value(type, spot, strike, years, vol, rate, yield);
  }

  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return Greeks.wrap(evaluate(type, spot, strike, years, vol, rate, yield, ALL));
  }

  @Override
  public void firstGreeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double[] out) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    double[] g = evaluate(type, spot, strike, years, vol, rate, yield, FIRST);
    System.arraycopy(g, 0, out, 0, FIRST_GREEKS);
  }

  /** One greek; the spot and time greeks and vega, rho and phi skip the bumped solves the vol cross-greeks need. */
  @Override
  public double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    switch (greek) {
      case PRICE:
        return value(type, spot, strike, years, vol, rate, yield);
      case VANNA: case VOMMA: case ZOMMA: case VETA: case ULTIMA:
        return evaluate(type, spot, strike, years, vol, rate, yield, ALL)[greek.ordinal()];
      default:
        return evaluate(type, spot, strike, years, vol, rate, yield, FIRST)[greek.ordinal()];
    }
  }

  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    AmericanSupport.checkImpliedInputs(type, price, spot, strike, years, rate, yield);
    return AmericanImpliedVol.solve(this::value, type, price, spot, strike, years, rate, yield);
  }

  /** The value for inputs already checked. */
  double value(OptionType type, double spot, double strike, double years, double vol, double rate, double yield) {
    if (years == 0.0) {
      return type.intrinsic(spot, strike);
    }
    if (vol == 0.0) {
      return AmericanSupport.zeroVol(type, spot, strike, years, rate, yield);
    }
    return evaluate(type, spot, strike, years, vol, rate, yield, PRICE)[0];
  }

  /** Whether early exercise can never pay (put: r ≤ 0 and q ≥ r; call: q ≤ 0 and r ≥ q). */
  static boolean neverEarly(OptionType type, double rate, double yield) {
    double rp = type == OptionType.PUT ? rate : yield;
    double qp = type == OptionType.PUT ? yield : rate;
    return rp <= 0 && qp >= rp;
  }

  private double[] evaluate(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, int level) {
    if (years == 0.0) {
      return AmericanGreeks.atExpiry(type, spot, strike).toArray();
    }
    if (vol == 0.0) {
      if (level == PRICE) {
        return new double[] {AmericanSupport.zeroVol(type, spot, strike, years, rate, yield)};
      }
      return AmericanGreeks.of(this::value, type, spot, strike, years, vol, rate, yield).toArray();
    }
    int phi = type.sign();
    double b = rate - yield;
    if (neverEarly(type, rate, yield)) {
      if (level == PRICE) {
        return new double[] {LognormalKernel.price(phi, spot, strike, years, vol, rate, b)};
      }
      return LognormalKernel.greeks(phi, spot, strike, years, vol, rate, b);
    }
    boolean put = type == OptionType.PUT;
    double rp = put ? rate : yield;
    double qp = put ? yield : rate;
    if (rp < 0) {
      throw InvalidInputException.domain("rate", (put ? "an American put with rate < 0 and yield below the rate"
          : "an American call with yield < 0 and rate below the yield")
          + " has two exercise boundaries, which AMERICAN does not solve; AMERICAN.LATTICE values it");
    }
    if (AmericanPerpetual.reached(years, vol, rp, qp)) {
      // the boundary settled at its perpetual level within a sliver of the expiry: the perpetual put, to 1e-12 K
      if (level == PRICE) {
        return new double[] {AmericanPerpetual.value(phi, spot, strike, vol, rate, yield)};
      }
      return AmericanPerpetual.greeks(phi, spot, strike, vol, rate, yield);
    }
    AndersenLakeScheme scheme = scheme(years, vol, rp, qp);
    // for greeks the last step also yields the boundary's tangent (at the step's start, 1e-7 from the end): a chord
    // step as in the pricing solve, so that the greeks' price is the price, or a Newton step
    AndersenLakeBoundary boundary = level == PRICE || !scheme.newton
        ? new AndersenLakeBoundary(scheme, rp, qp, vol, years)
        : new AndersenLakeBoundary(scheme, rp, qp, vol, years, null, 0.0, null, scheme.iterations - 1);
    if (level == PRICE) {
      boundary.converge();
    } else if (!scheme.newton) {
      boundary.tangent();
    } else {
      if (scheme.chord) {
        boundary.chordAndTangent();
      } else {
        boundary.newtonAndTangent();
      }
      if (boundary.converge()) {
        boundary.tangent(); // at the converged boundary, as the price's
      }
    }
    double logSpot = Math.log(spot);
    double logStrike = Math.log(strike);
    double logToday = put ? logStrike + boundary.logBoundaryToday() : logStrike - boundary.logBoundaryToday();
    if (put ? logSpot <= logToday : logSpot >= logToday) {
      // in the exercise region: the intrinsic value and its greeks
      double[] g = AmericanGreeks.atExpiry(type, spot, strike).toArray();
      return level == PRICE ? new double[] {g[0]} : g;
    }
    if (level == PRICE) {
      double premium = premium(boundary, put, spot, strike, years, vol, rate, yield, null, false);
      return new double[] {LognormalKernel.price(phi, spot, strike, years, vol, rate, b) + Math.max(premium, 0.0)};
    }
    double[] g = LognormalKernel.greeks(phi, spot, strike, years, vol, rate, b);
    double[] p = new double[8];
    premium(boundary, put, spot, strike, years, vol, rate, yield, p, true);
    addPremium(g, p, spot, strike, vol, rate, b);
    if (level == ALL) {
      double h = Math.min(VOL_BUMP, 0.25 * vol);
      // the vol cross-greeks: differences over vol ± h of solves one Newton step from the tangent prediction of a
      // converged solve at vol. For the accurate pricer these three solves run on a coarse scheme (they are
      // differences, and its error is smooth in vol): its own solve converged once more and its tangent taken there;
      // for the others on their own scheme, reusing the pricing solve, with vomma from the bumped vegas.
      double[] up;
      double[] down;
      if (crossScheme != null) {
        AndersenLakeBoundary base = new AndersenLakeBoundary(crossScheme, rp, qp, vol, years, null, 0.0, null,
            crossScheme.iterations + 1);
        base.tangent();
        double[] c = LognormalKernel.greeks(phi, spot, strike, years, vol, rate, b);
        double[] pc = new double[8];
        premium(base, put, spot, strike, years, vol, rate, yield, pc, true);
        addPremium(c, pc, spot, strike, vol, rate, b);
        up = bumped(base, put, spot, strike, years, vol, rate, yield, h, false);
        down = bumped(base, put, spot, strike, years, vol, rate, yield, -h, false);
        // V(σ ± h) = V ± h·vega + ½h²·vomma ± h³/6·ultima + O(h⁴)
        g[Greek.VOMMA.ordinal()] = (up[0] - 2 * c[Greek.PRICE.ordinal()] + down[0]) / (h * h);
        g[Greek.ULTIMA.ordinal()] = 3 * (up[0] - down[0] - 2 * h * c[Greek.VEGA.ordinal()]) / (h * h * h);
      } else {
        up = bumped(boundary, put, spot, strike, years, vol, rate, yield, h, true);
        down = bumped(boundary, put, spot, strike, years, vol, rate, yield, -h, true);
        g[Greek.VOMMA.ordinal()] = (up[3] - down[3]) / (2 * h);
        g[Greek.ULTIMA.ordinal()] = 3 * (up[0] - down[0] - 2 * h * g[Greek.VEGA.ordinal()]) / (h * h * h);
      }
      g[Greek.VANNA.ordinal()] = (up[1] - down[1]) / (2 * h);
      g[Greek.ZOMMA.ordinal()] = (up[2] - down[2]) / (2 * h);
      // the pricing equation differentiated in vol
      double vega = g[Greek.VEGA.ordinal()];
      g[Greek.VETA.ordinal()] = rate * vega - b * spot * g[Greek.VANNA.ordinal()]
          - vol * spot * spot * g[Greek.GAMMA.ordinal()] - 0.5 * vol * vol * spot * spot * g[Greek.ZOMMA.ordinal()];
    } else {
      for (Greek cross : new Greek[] {Greek.VANNA, Greek.ZOMMA, Greek.VOMMA, Greek.ULTIMA, Greek.VETA}) {
        g[cross.ordinal()] = Double.NaN;
      }
    }
    return g;
  }

  /**
   * Price, delta, gamma and (with {@code withVega}) vega at vol + shift on {@code base}'s scheme, the boundary one
   * Newton step from the tangent prediction of {@code base} (O(shift²) off, so the step converges it; with vega the
   * step also gives the tangent, at its start, whose O(shift²) error cancels in the central difference).
   */
  private double[] bumped(AndersenLakeBoundary base, boolean put, double spot, double strike, double years,
      double vol, double rate, double yield, double shift, boolean withVega) {
    AndersenLakeBoundary boundary = new AndersenLakeBoundary(base.scheme, base.r, base.q, vol + shift, years, base.s,
        shift, base.dsVol, withVega ? 0 : 1);
    if (withVega) {
      boundary.newtonAndTangent();
    }
    int phi = put ? -1 : 1;
    double b = rate - yield;
    double[] g = LognormalKernel.greeks(phi, spot, strike, years, vol + shift, rate, b);
    double[] p = new double[8];
    premium(boundary, put, spot, strike, years, vol + shift, rate, yield, p, withVega);
    addPremium(g, p, spot, strike, vol + shift, rate, b);
    return g;
  }

  /**
   * Adds the premium's derivatives {@code p} = {P, ∂P/∂x, ∂²P/∂x², ∂³P/∂x³, ∂⁴P/∂x⁴, ∂P/∂σ, ∂P/∂r, ∂P/∂q} (x = ln S)
   * to the European greeks {@code g}, and derives theta, charm, color, the dual greeks and lambda from the totals.
   */
  private static void addPremium(double[] g, double[] p, double s, double k, double vol, double r, double b) {
    double s2 = s * s;
    g[Greek.PRICE.ordinal()] += p[0];
    g[Greek.DELTA.ordinal()] += p[1] / s;
    g[Greek.GAMMA.ordinal()] += (p[2] - p[1]) / s2;
    g[Greek.SPEED.ordinal()] += (p[3] - 3 * p[2] + 2 * p[1]) / (s2 * s);
    double fourth = (p[4] - 6 * p[3] + 11 * p[2] - 6 * p[1]) / (s2 * s2); // premium's ∂⁴/∂S⁴
    double premiumGamma = (p[2] - p[1]) / s2;
    double premiumSpeed = (p[3] - 3 * p[2] + 2 * p[1]) / (s2 * s);
    g[Greek.VEGA.ordinal()] += p[5];
    g[Greek.RHO.ordinal()] += p[6];
    g[Greek.PHI.ordinal()] += p[7];
    double v2 = vol * vol;
    double premiumDelta = p[1] / s;
    // θ = rV − bSΔ − ½σ²S²Γ and its S-derivatives, for the premium (the European part has its closed forms)
    g[Greek.THETA.ordinal()] += r * p[0] - b * s * premiumDelta - 0.5 * v2 * s2 * premiumGamma;
    g[Greek.CHARM.ordinal()] += (r - b) * premiumDelta - (b + v2) * s * premiumGamma - 0.5 * v2 * s2 * premiumSpeed;
    g[Greek.COLOR.ordinal()] += (r - 2 * b - v2) * premiumGamma - (b + 2 * v2) * s * premiumSpeed
        - 0.5 * v2 * s2 * fourth;
    double price = g[Greek.PRICE.ordinal()];
    double delta = g[Greek.DELTA.ordinal()];
    g[Greek.DUALDELTA.ordinal()] = (price - s * delta) / k;
    g[Greek.DUALGAMMA.ordinal()] = s2 * g[Greek.GAMMA.ordinal()] / (k * k);
    g[Greek.LAMBDA.ordinal()] = price == 0.0 ? Double.NaN : delta * s / price;
  }

  /**
   * The early-exercise premium by Gauss–Legendre in θ (elapsed time t = T·sin²θ); with {@code out}, also its
   * log-spot derivatives to the fourth and, when {@code tangent}, its vol, rate and yield derivatives including the
   * boundary's.
   */
  private double premium(AndersenLakeBoundary boundary, boolean put, double spot, double strike, double years,
      double vol, double r, double q, double[] out, boolean tangent) {
    double phi = put ? -1.0 : 1.0;
    double rootT = Math.sqrt(years);
    double logSpot = Math.log(spot);
    double logStrike = Math.log(strike);
    AndersenLakeScheme scheme = boundary.scheme;
    double sum = 0;
    double[] acc = out == null ? null : new double[8];
    double[] slopes = tangent ? new double[3] : null;
    double[] rule = vol * rootT < SPLIT_BELOW ? splitRule(boundary, put, logSpot, logStrike, years, r - q) : null;
    int points = rule == null ? scheme.pricePoints : rule.length / (scheme.n + 3);
    for (int k = 0; k < points; k++) {
      double t;
      double w;
      double rootTime;
      double logRatio; // ln(b/X)
      if (rule == null) {
        double sin = scheme.priceSin[k];
        double cos = scheme.priceCos[k];
        t = years * sin * sin;
        w = scheme.priceWeight[k] * 2 * years * sin * cos;
        rootTime = rootT * sin;
        logRatio = boundary.priceLogRatio(k);
      } else {
        t = rule[points * (scheme.n + 1) + 2 * k];
        w = rule[points * (scheme.n + 1) + 2 * k + 1];
        rootTime = Math.sqrt(t);
        logRatio = boundary.logRatioAt(rule, k * (scheme.n + 1));
      }
      double logB = put ? logStrike + boundary.logX + logRatio : logStrike - boundary.logX - logRatio;
      double sd = vol * rootTime;
      double dPlus = (logSpot - logB + (r - q) * t) / sd + 0.5 * sd;
      double dMinus = dPlus - sd;
      double pMinus = Normal.pdf(dMinus);
      double pPlus = Normal.pdf(dPlus);
      double cPlus = Normal.cdf(phi * dPlus, pPlus);
      double cMinus = Normal.cdf(phi * dMinus, pMinus);
      double growth = Exponential.exp(-q * t);
      double discount = Exponential.exp(-r * t);
      double a = phi * q * spot * growth * cPlus;
      double g = a - phi * r * strike * discount * cMinus;
      sum += w * g;
      if (acc == null) {
        continue;
      }
      double bd = Exponential.exp(logB) * discount; // B·e^{−rt}; S·e^{−qt}·φ(d₊) = B·e^{−rt}·φ(d₋)
      double c = (q * bd - r * strike * discount) * pMinus; // (qB − rK)·e^{−rt}·φ(d₋)
      double qb = q * bd * pMinus;
      double d1 = -dMinus / sd;
      double d2 = (dMinus * dMinus - 1) / (sd * sd);
      double d3 = -(dMinus * dMinus * dMinus - 3 * dMinus) / (sd * sd * sd);
      acc[0] += w * g;
      acc[1] += w * (a + c / sd);
      acc[2] += w * (a + qb / sd + c * d1 / sd);
      acc[3] += w * (a + qb * (1 + d1) / sd + c * d2 / sd);
      acc[4] += w * (a + qb * (1 + d1 + d2) / sd + c * d3 / sd);
      if (!tangent) {
        continue;
      }
      double gLogB = -c / sd;
      double gVol = (r * strike * discount * dPlus - q * bd * dMinus) * pMinus / vol;
      double gRate = c * rootTime / vol - phi * strike * discount * cMinus * (1 - r * t);
      double gYield = phi * spot * growth * cPlus * (1 - q * t) - c * rootTime / vol;
      // ln B = ln K ± ln b; a call's boundary mirrors the put with rate and yield swapped
      double sign = put ? 1.0 : -1.0;
      if (rule == null) {
        boundary.priceLogSlopes(k, slopes);
      } else {
        boundary.logSlopesAt(rule, k * (scheme.n + 1), slopes);
      }
      double slopeVol = sign * slopes[0];
      double slopeRate = sign * slopes[put ? 1 : 2];
      double slopeYield = sign * slopes[put ? 2 : 1];
      acc[5] += w * (gVol + gLogB * slopeVol);
      acc[6] += w * (gRate + gLogB * slopeRate);
      acc[7] += w * (gYield + gLogB * slopeYield);
    }
    if (acc != null) {
      System.arraycopy(acc, 0, out, 0, 8);
    }
    return sum;
  }

  /**
   * Below this total deviation σ√T the price integral is split where its integrand turns on: at small vols it is
   * nearly a step at the time t* the certain forward path, ln S + (r − q)t, meets the boundary B(T − t), narrower
   * than one tanh–sinh rule over [0, T] resolves (a put with yield above the rate, vol 0.3 %, eight years: 5.6e-5;
   * split, 4e-10). From σ√T = 0.012 to 0.05 one rule stays within 2e-8 (3,000 random options), so it stays there.
   */
  static final double SPLIT_BELOW = 0.012;

  /**
   * The price integral's rule split at t*, tanh–sinh on [0, t*] and [t*, T] (its points crowd into t*, both sides):
   * the interpolation weights of every point ((n + 1) each), then each point's elapsed time and weight; null when the
   * path does not meet the boundary before expiry.
   */
  private static double[] splitRule(AndersenLakeBoundary boundary, boolean put, double logSpot, double logStrike,
      double years, double carry) {
    AndersenLakeScheme scheme = boundary.scheme;
    int n = scheme.n;
    double[] w = new double[n + 1];
    double low = 0;
    double high = years;
    double gLow = gap(boundary, put, logSpot, logStrike, years, carry, 0, w);
    double gHigh = gap(boundary, put, logSpot, logStrike, years, carry, years, w);
    if (!(gLow * gHigh < 0)) {
      return null;
    }
    for (int i = 0; i < 60 && high - low > 1e-15 * years; i++) {
      double mid = 0.5 * (low + high);
      double g = gap(boundary, put, logSpot, logStrike, years, carry, mid, w);
      if ((g < 0) == (gLow < 0)) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double cross = 0.5 * (low + high);
    double[] x = scheme.tanhSinhNode;
    double[] wx = scheme.tanhSinhWeight;
    int points = 2 * x.length;
    double[] rule = new double[points * (n + 3)];
    for (int piece = 0; piece < 2; piece++) {
      double from = piece == 0 ? 0 : cross;
      double to = piece == 0 ? cross : years;
      for (int j = 0; j < x.length; j++) {
        int k = piece * x.length + j;
        double t = from + (to - from) * 0.5 * (1 + x[j]);
        rule[points * (n + 1) + 2 * k] = t;
        rule[points * (n + 1) + 2 * k + 1] = (to - from) * 0.5 * wx[j];
        scheme.weights(Math.sqrt(Math.max(years - t, 0.0) / years), rule, k * (n + 1));
      }
    }
    return rule;
  }

  /** ln S − ln B(T − t) + (r − q)t, the sign of d± on the certain forward path; {@code w} scratch weights. */
  private static double gap(AndersenLakeBoundary boundary, boolean put, double logSpot, double logStrike,
      double years, double carry, double t, double[] w) {
    boundary.scheme.weights(Math.sqrt(Math.max(years - t, 0.0) / years), w, 0);
    double logRatio = boundary.logRatioAt(w, 0);
    double logB = put ? logStrike + boundary.logX + logRatio : logStrike - boundary.logX - logRatio;
    return logSpot - logB + carry * t;
  }

  @Override
  public String toString() {
    return "AmericanAndersenLake(" + name + ")";
  }
}
