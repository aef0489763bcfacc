package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * American options on a Leisen–Reimer binomial tree (D. Leisen and M. Reimer, "Binomial models for
 * option valuation — examining and improving convergence", Applied Mathematical Finance 3, 1996),
 * generalized Black-Scholes-Merton dynamics with cost of carry b = rate − yield. It is the
 * convergent reference the closed-form approximations are tested against.
 *
 * <p>The up probability and moves come from the Peizer–Pratt (method 2) inversion of d₂ and d₁,
 * which centres the tree on the strike and gives smooth, fast (second-order for European payoffs)
 * convergence; the step count is therefore always odd (an even count is raised by one). At every
 * node the holder takes the better of exercising and continuing. When the spot is so many standard
 * deviations from the strike that the inversion rounds to probability 0 or 1 (vols near 10⁻⁴), the
 * tree falls back to the drift-centred moves e^{b·Δt ± σ√Δt}.
 *
 * <p>With {@link #extrapolated(int)} the value is the two-point (Richardson) extrapolation
 * (N₂·V(N₂) − N₁·V(N₁)) / (N₂ − N₁) with N₁ = N and N₂ = 2N + 1, which removes the leading
 * 1/N error of the early-exercise premium.
 *
 * <p>Greeks: delta and gamma are taken from the tree nodes at steps 1 and 2; theta follows from the
 * pricing equation at the root, θ = rV − bSΔ − ½σ²S²Γ, or is 0 when the root is in the exercise
 * region (the intrinsic value does not decay). Vega, rho and phi are central differences of the tree
 * value (bumps 0.005 in vol, 0.001 in rate and yield). Dual delta and dual gamma follow from
 * homogeneity, (V − SΔ)/K and S²Γ/K²; lambda is ΔS/V (NaN when V = 0). The higher-order greeks
 * (vanna, charm, vomma, speed, zomma, color, veta, ultima) are NaN: differences of a tree value are
 * too noisy for them; use an approximation's greeks.
 */
public final class AmericanLattice implements OptionPricer {
  /** The default step count. */
  public static final int DEFAULT_STEPS = 801;
  /** The tree with {@value #DEFAULT_STEPS} steps, no extrapolation. */
  public static final AmericanLattice INSTANCE = new AmericanLattice(DEFAULT_STEPS, false);

  private static final double VOL_BUMP = 0.005;
  private static final double RATE_BUMP = 0.001;

  private final int steps;
  private final boolean extrapolate;

  private AmericanLattice(int steps, boolean extrapolate) {
    this.steps = steps % 2 == 0 ? steps + 1 : steps;
    this.extrapolate = extrapolate;
  }

  /** A tree with {@code steps} time steps (raised to the next odd number), at least 3. */
  public static AmericanLattice of(int steps) {
    return new AmericanLattice(checkSteps(steps), false);
  }

  /** Richardson extrapolation of the trees with N and 2N + 1 steps ({@code steps} made odd first). */
  public static AmericanLattice extrapolated(int steps) {
    return new AmericanLattice(checkSteps(steps), true);
  }

  private static int checkSteps(int steps) {
    if (steps < 3 || steps > 100_000) {
      throw InvalidInputException.domain("steps", "must be between 3 and 100000, was " + steps);
    }
    return steps;
  }

  /** The odd number of time steps of the (first) tree. */
  public int steps() {
    return steps;
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
    if (years == 0.0) {
      return AmericanGreeks.atExpiry(type, spot, strike);
    }
    double[] root;
    if (vol == 0.0) {
      root = new double[] {AmericanSupport.zeroVol(type, spot, strike, years, rate, yield), Double.NaN, Double.NaN};
    } else if (extrapolate) {
      double[] a = tree(type, spot, strike, years, vol, rate, yield, steps);
      double[] b = tree(type, spot, strike, years, vol, rate, yield, 2 * steps + 1);
      root = new double[3];
      for (int i = 0; i < 3; i++) {
        root[i] = richardson(a[i], b[i]);
      }
    } else {
      root = tree(type, spot, strike, years, vol, rate, yield, steps);
    }
    double price = root[0];
    double delta = root[1];
    double gamma = root[2];
    double b = rate - yield;
    boolean exercised = price <= type.intrinsic(spot, strike) && price > 0;
    double theta = exercised ? 0.0 : rate * price - b * spot * delta - 0.5 * vol * vol * spot * spot * gamma;
    double vega = vol < VOL_BUMP
        ? (value(type, spot, strike, years, vol + VOL_BUMP, rate, yield) - price) / VOL_BUMP
        : (value(type, spot, strike, years, vol + VOL_BUMP, rate, yield)
            - value(type, spot, strike, years, vol - VOL_BUMP, rate, yield)) / (2 * VOL_BUMP);
    double rho = (value(type, spot, strike, years, vol, rate + RATE_BUMP, yield)
        - value(type, spot, strike, years, vol, rate - RATE_BUMP, yield)) / (2 * RATE_BUMP);
    double phi = (value(type, spot, strike, years, vol, rate, yield + RATE_BUMP)
        - value(type, spot, strike, years, vol, rate, yield - RATE_BUMP)) / (2 * RATE_BUMP);
    double nan = Double.NaN;
    return Greeks.of(price, delta, gamma, vega, theta, rho, phi, nan, nan, nan, nan, nan, nan, nan, nan,
        (price - spot * delta) / strike, spot * spot * gamma / (strike * strike),
        price == 0.0 ? Double.NaN : delta * spot / price);
  }

  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    AmericanSupport.checkImpliedInputs(type, price, spot, strike, years, rate, yield);
    return AmericanImpliedVol.solve(this::value, type, price, spot, strike, years, rate, yield);
  }

  /** The value for inputs already checked. */
  double value(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    if (years == 0.0) {
      return type.intrinsic(spot, strike);
    }
    if (vol == 0.0) {
      return AmericanSupport.zeroVol(type, spot, strike, years, rate, yield);
    }
    double v = tree(type, spot, strike, years, vol, rate, yield, steps)[0];
    if (!extrapolate) {
      return v;
    }
    return richardson(v, tree(type, spot, strike, years, vol, rate, yield, 2 * steps + 1)[0]);
  }

  private double richardson(double coarse, double fine) {
    int n1 = steps;
    int n2 = 2 * steps + 1;
    return (n2 * fine - n1 * coarse) / (n2 - n1);
  }

  /** Peizer–Pratt method-2 inversion: the binomial probability matching the normal quantile z. */
  static double peizerPratt(double z, int n) {
    double x = z / (n + 1.0 / 3.0 + 0.1 / (n + 1.0));
    double root = 0.5 * Math.sqrt(-Math.expm1(-x * x * (n + 1.0 / 6.0)));
    return z >= 0 ? 0.5 + root : 0.5 - root;
  }

  /** Backward induction; returns {value, delta, gamma} at the root. */
  private static double[] tree(OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, int n) {
    double b = rate - yield;
    double dt = years / n;
    double sd = vol * Math.sqrt(years);
    double d1 = (Math.log(spot / strike) + b * years) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    double p = peizerPratt(d2, n);
    double pBar = peizerPratt(d1, n);
    double growth = Math.exp(b * dt);
    double up = growth * pBar / p;
    double down = (growth - p * up) / (1.0 - p);
    if (!(p > 0 && p < 1 && pBar > 0 && pBar < 1 && down > 0 && up > down)) {
      // Spot so far from the strike, in standard deviations, that the inversion rounds to 0 or 1:
      // fall back to the drift-centred tree u, d = e^{b·dt ± σ√dt}, whose probability is always in (0, 1).
      double step = vol * Math.sqrt(dt);
      up = Math.exp(b * dt + step);
      down = Math.exp(b * dt - step);
      p = -Math.expm1(-step) / (Math.exp(step) - Math.exp(-step));
    }
    double discount = Math.exp(-rate * dt);
    double pu = discount * p;
    double pd = discount * (1.0 - p);
    double sign = type.sign();
    double ratio = up / down;

    double[] values = new double[n + 1];
    double[] spots = new double[n + 1];
    spots[0] = spot * Math.pow(down, n);
    for (int j = 1; j <= n; j++) {
      spots[j] = spots[j - 1] * ratio;
    }
    for (int j = 0; j <= n; j++) {
      values[j] = Math.max(sign * (spots[j] - strike), 0.0);
    }
    double[] step2 = new double[3];
    double[] step1 = new double[2];
    double invDown = 1.0 / down;
    for (int i = n - 1; i >= 0; i--) {
      for (int j = 0; j <= i; j++) {
        spots[j] *= invDown;
        double continuation = pu * values[j + 1] + pd * values[j];
        values[j] = Math.max(continuation, sign * (spots[j] - strike));
      }
      if (i == 2) {
        System.arraycopy(values, 0, step2, 0, 3);
      } else if (i == 1) {
        System.arraycopy(values, 0, step1, 0, 2);
      }
    }
    double su = spot * up;
    double sdn = spot * down;
    double delta = (step1[1] - step1[0]) / (su - sdn);
    double suu = su * up;
    double sud = su * down;
    double sdd = sdn * down;
    double gamma = ((step2[2] - step2[1]) / (suu - sud) - (step2[1] - step2[0]) / (sud - sdd))
        / (0.5 * (suu - sdd));
    // the root may be in the exercise region; its spot is known exactly, unlike the rolled-back node spots
    return new double[] {Math.max(values[0], sign * (spot - strike)), delta, gamma};
  }

  @Override
  public String toString() {
    return "AmericanLattice(" + steps + (extrapolate ? ", extrapolated)" : ")");
  }
}
