package org.gammaxl.vol;

/**
 * The rational cubic interpolant of Delbourgo and Gregory (1985, "Shape preserving piecewise rational
 * interpolation", SIAM J. Sci. Stat. Comput. 6(4)) on one interval [x<sub>l</sub>, x<sub>r</sub>] with
 * given values and first derivatives at both ends and a control parameter r. With h = x<sub>r</sub> −
 * x<sub>l</sub> and t = (x − x<sub>l</sub>)/h:
 * <pre>
 *   y(x) = [y_r t³ + (r y_r − h d_r) t²(1−t) + (r y_l + h d_l) t(1−t)² + y_l (1−t)³] / [1 + (r − 3) t(1−t)]
 * </pre>
 * r = 3 is the cubic Hermite interpolant and r → ∞ the straight line. "Let's Be Rational" chooses r
 * to match a second derivative at one end, subject to the interpolant staying monotone and convex
 * (or concave) when the data allow.
 */
final class RationalCubic {
  /** Smallest admissible control parameter: the interpolant needs r &gt; −1. */
  static final double MINIMUM_CONTROL_PARAMETER = -(1 - Math.sqrt(Math.ulp(1.0)));
  /** Control parameters at or above this give the straight line, computed without overflow. */
  static final double MAXIMUM_CONTROL_PARAMETER = 2 / (Math.ulp(1.0) * Math.ulp(1.0));

  private RationalCubic() {
  }

  /** The interpolant at x. */
  static double interpolate(double x, double xLeft, double xRight, double yLeft, double yRight, double dLeft,
      double dRight, double r) {
    double h = xRight - xLeft;
    if (!(Math.abs(h) > 0)) {
      return 0.5 * (yLeft + yRight);
    }
    double t = (x - xLeft) / h;
    if (!(r >= MAXIMUM_CONTROL_PARAMETER)) {
      double omt = 1 - t;
      double t2 = t * t;
      double omt2 = omt * omt;
      return (yRight * t2 * t + (r * yRight - h * dRight) * t2 * omt + (r * yLeft + h * dLeft) * t * omt2
          + yLeft * omt2 * omt) / (1 + (r - 3) * t * omt);
    }
    return yRight * t + yLeft * (1 - t);
  }

  /**
   * The control parameter that makes the second derivative at the left end equal to
   * {@code secondDerivativeLeft}, raised if needed to keep the interpolant's shape.
   */
  static double controlParameterForLeftSecondDerivative(double xLeft, double xRight, double yLeft, double yRight,
      double dLeft, double dRight, double secondDerivativeLeft, boolean preferShapePreservation) {
    double h = xRight - xLeft;
    double slope = (yRight - yLeft) / h;
    double numerator = 0.5 * h * secondDerivativeLeft + (dRight - dLeft);
    double denominator = slope - dLeft;
    double r = fitted(numerator, denominator);
    return Math.max(r, minimumShapePreserving(dLeft, dRight, slope, preferShapePreservation));
  }

  /**
   * The control parameter that makes the second derivative at the right end equal to
   * {@code secondDerivativeRight}, raised if needed to keep the interpolant's shape.
   */
  static double controlParameterForRightSecondDerivative(double xLeft, double xRight, double yLeft, double yRight,
      double dLeft, double dRight, double secondDerivativeRight, boolean preferShapePreservation) {
    double h = xRight - xLeft;
    double slope = (yRight - yLeft) / h;
    double numerator = 0.5 * h * secondDerivativeRight + (dRight - dLeft);
    double denominator = dRight - slope;
    double r = fitted(numerator, denominator);
    return Math.max(r, minimumShapePreserving(dLeft, dRight, slope, preferShapePreservation));
  }

  private static double fitted(double numerator, double denominator) {
    if (Math.abs(denominator) > 0) {
      return numerator / denominator;
    }
    return numerator > 0 ? MAXIMUM_CONTROL_PARAMETER : MINIMUM_CONTROL_PARAMETER;
  }

  /**
   * The least r keeping the interpolant monotone (Delbourgo–Gregory condition r ≥ (d_l + d_r)/Δ) and
   * convex or concave (r ≥ max(|(d_r − d_l)/(d_r − Δ)|, |(d_r − d_l)/(Δ − d_l)|)) when the end data
   * allow it; Δ is the chord slope.
   */
  static double minimumShapePreserving(double dLeft, double dRight, double slope, boolean preferShapePreservation) {
    boolean monotone = dLeft * slope >= 0 && dRight * slope >= 0;
    boolean convex = dLeft <= slope && slope <= dRight;
    boolean concave = dLeft >= slope && slope >= dRight;
    if (!monotone && !convex && !concave) {
      return MINIMUM_CONTROL_PARAMETER;
    }
    double rMonotone = -Double.MAX_VALUE;
    double rConvex = -Double.MAX_VALUE;
    if (monotone) {
      if (Math.abs(slope) > 0) {
        rMonotone = (dRight + dLeft) / slope;
      } else if (preferShapePreservation) {
        rMonotone = MAXIMUM_CONTROL_PARAMETER;
      }
    }
    if (convex || concave) {
      double rightGap = dRight - slope;
      double leftGap = slope - dLeft;
      if (Math.abs(rightGap) > 0 && Math.abs(leftGap) > 0) {
        double spread = dRight - dLeft;
        // max(|spread/rightGap|, |spread/leftGap|) with one division: rounding is monotone in the divisor
        rConvex = Math.abs(spread) / Math.min(Math.abs(rightGap), Math.abs(leftGap));
      } else if (preferShapePreservation) {
        rConvex = MAXIMUM_CONTROL_PARAMETER;
      }
    } else if (monotone && preferShapePreservation) {
      rConvex = MAXIMUM_CONTROL_PARAMETER;
    }
    return Math.max(MINIMUM_CONTROL_PARAMETER, Math.max(rMonotone, rConvex));
  }
}
