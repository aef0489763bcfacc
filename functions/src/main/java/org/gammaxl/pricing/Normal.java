package org.gammaxl.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.gammaxl.InvalidInputException;

/**
 * The standard normal distribution and the complementary error function, to full double precision.
 *
 * <p>Accuracy (checked in {@code NormalTest} against 50-digit {@link java.math.BigDecimal} series and
 * continued fractions): {@link #cdf} and {@link #erfc} to a few 1e-16 <em>relative</em> over their whole
 * normal range, including the deep lower tail (cdf(−37) ≈ 5.7e−300); below that the results are
 * subnormal and carry the absolute precision of a subnormal double (about 5e−324). {@link #pdf} to a
 * few ulp everywhere. {@link #inverseCdf} to about 1e−16 relative in x.
 *
 * <p>Algorithms: {@link #cdf} uses W. J. Cody's rational Chebyshev approximations for the normal
 * integral (Cody 1993, ACM TOMS 715 ANORM, the algorithm behind R's {@code pnorm}); {@link #erfc}
 * and {@link #erfcx} use Cody's approximations for the error function (W. J. Cody, "Rational
 * Chebyshev approximations for the error function", Math. Comp. 23, 1969, 631–637; routine CALERF).
 * The Gaussian factor exp(−x²/2) is evaluated with the square split exactly into head and tail
 * (the tail recovered by a fused multiply-add), so that it keeps full relative precision where x²
 * is large. {@link #inverseCdf} is Wichura's AS 241 PPND16 (Applied Statistics 37, 1988, 477–484).
 *
 * <p>These are pure functions: a NaN argument gives NaN; the pricers validate their own inputs.
 */
public final class Normal {

  /** 1/√(2π). */
  private static final double INV_SQRT_2PI = 0.3989422804014326779399460599343819;
  /** √(2π). */
  private static final double SQRT_2PI = 2.506628274631000502415765284811045;
  /** 1/√π. */
  private static final double INV_SQRT_PI = 0.5641895835477562869480794515607726;
  /** √(π/2). */
  private static final double SQRT_PI_OVER_TWO = 1.2533141373155002512078826424055226;
  /** 1/√2. */
  private static final double INV_SQRT_2 = 0.7071067811865475244008443621048490;

  // Φ(x) − ½ = x·Σ p_n·x^{2n}, p_n = (−1)^n / (√(2π)·2^n·n!·(2n+1)): the Taylor series of the normal integral, for
  // |x| ≤ 0.66291 (x² ≤ 0.4395) in scaledCdf. The first term left out, p_12·x^24, is below 2e−18 of the sum there.
  // Rounded to double from 1/√(2π) to 40 digits and exact rationals when the class is initialised.
  private static final double CENTRAL_0 = central(0);
  private static final double CENTRAL_1 = central(1);
  private static final double CENTRAL_2 = central(2);
  private static final double CENTRAL_3 = central(3);
  private static final double CENTRAL_4 = central(4);
  private static final double CENTRAL_5 = central(5);
  private static final double CENTRAL_6 = central(6);
  private static final double CENTRAL_7 = central(7);
  private static final double CENTRAL_8 = central(8);
  private static final double CENTRAL_9 = central(9);
  private static final double CENTRAL_10 = central(10);
  private static final double CENTRAL_11 = central(11);

  // Cody ANORM (normal integral), |x| <= 0.66291.
  private static final double A0 = 2.2352520354606839287;
  private static final double A1 = 161.02823106855587881;
  private static final double A2 = 1067.6894854603709582;
  private static final double A3 = 18154.981253343561249;
  private static final double A4 = 0.065682337918207449113;
  private static final double B0 = 47.20258190468824187;
  private static final double B1 = 976.09855173777669322;
  private static final double B2 = 10260.932208618978205;
  private static final double B3 = 45507.789335026729956;
  // Cody ANORM, 0.66291 < |x| <= sqrt(32).
  private static final double[] C = {
    0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
    2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    1.0765576773720192317e-8};
  private static final double[] D = {
    22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
    18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727};
  // Cody ANORM, |x| > sqrt(32).
  private static final double[] P = {
    0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
    2.9112874951168792e-5, 0.02307344176494017303};
  private static final double[] Q = {
    1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
    7.29751555083966205e-5};
  private static final double ANORM_THRESHOLD = 0.66291;
  private static final double SQRT_32 = 5.656854249492380195206754896838792;

  // Cody CALERF (error function), |x| <= 0.46875.
  private static final double[] EA = {
    3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
    1.85777706184603153e-1};
  private static final double[] EB = {
    2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03};
  // CALERF, 0.46875 < |x| <= 4.
  private static final double[] EC = {
    5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
    8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
    2.15311535474403846e-8};
  private static final double[] ED = {
    1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
    3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
  // CALERF, |x| > 4.
  private static final double[] EP = {
    3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
    6.58749161529837803e-4, 1.63153871373020978e-2};
  private static final double[] EQ = {
    2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
    2.33520497626869185e-3};

  private Normal() {
  }

  /**
   * The standard normal density φ(x) = exp(−x²/2)/√(2π).
   *
   * @return the density; 0 beyond |x| ≈ 38.6 where it underflows; NaN for NaN
   */
  public static double pdf(double x) {
    double y = Math.abs(x);
    if (y > 40) {
      return 0.0; // also +-infinity
    }
    return INV_SQRT_2PI * gaussian(y, 1.0);
  }

  /**
   * The standard normal distribution function Φ(x) = P(Z ≤ x).
   *
   * @return Φ(x), to about 1e−16 relative for x down to −37.5 (and subnormal below); NaN for NaN
   */
  public static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= ANORM_THRESHOLD) {
      double xsq = x * x;
      double xnum = Math.fma(Math.fma(Math.fma(Math.fma(A4, xsq, A0), xsq, A1), xsq, A2), xsq, A3);
      double xden = Math.fma(Math.fma(Math.fma(xsq + B0, xsq, B1), xsq, B2), xsq, B3);
      return 0.5 + x * xnum / xden;
    }
    double tail = upperTail(y);
    return x > 0 ? 1.0 - tail : tail;
  }

  /**
   * c·Φ(x) for c &gt; 0, arranged for a short chain of dependent operations: a single delta is a chain from the
   * logarithm to this product, and a worksheet call waits for the end of it. For |x| ≤ 0.66291 it is
   * c·½ + (c·x)·P(x²) with P the Taylor series of the normal integral ({@link #CENTRAL_0} …), evaluated by
   * Estrin's scheme: no division, about 20 cycles from x to the result where Cody's rational takes 30; c·x
   * and c·½ are formed alongside. Beyond, c times {@link #cdf(double)}'s tail. Within a few units in the last
   * place of c·Φ(x) (checked in {@code NormalTest} against 60 digits).
   *
   * @param c the scale, positive and finite (a carry factor e^{(b−r)T})
   */
  public static double scaledCdf(double x, double c) {
    double y = Math.abs(x);
    if (y <= ANORM_THRESHOLD) {
      double z = x * x;
      double z2 = z * z;
      double z4 = z2 * z2;
      double q0 = Math.fma(Math.fma(CENTRAL_3, z, CENTRAL_2), z2, Math.fma(CENTRAL_1, z, CENTRAL_0));
      double q1 = Math.fma(Math.fma(CENTRAL_7, z, CENTRAL_6), z2, Math.fma(CENTRAL_5, z, CENTRAL_4));
      double q2 = Math.fma(Math.fma(CENTRAL_11, z, CENTRAL_10), z2, Math.fma(CENTRAL_9, z, CENTRAL_8));
      double p = Math.fma(Math.fma(q2, z4, q1), z4, q0);
      return Math.fma(c * x, p, 0.5 * c);
    }
    double tail = c * upperTail(y);
    return x > 0 ? c - tail : tail;
  }

  /** The Taylor coefficient p_n of {@link #CENTRAL_0}, rounded once from 40 digits. */
  private static double central(int n) {
    BigInteger denominator = BigInteger.ONE.shiftLeft(n).multiply(BigInteger.valueOf(2L * n + 1)); // 2^n·(2n+1)·n!
    for (int i = 2; i <= n; i++) {
      denominator = denominator.multiply(BigInteger.valueOf(i));
    }
    BigDecimal p = new BigDecimal("0.3989422804014326779399460599343818684759")
        .divide(new BigDecimal(denominator), new MathContext(40));
    return (n % 2 == 0 ? p : p.negate()).doubleValue();
  }

  /**
   * The survival function 1 − Φ(x) = Φ(−x), computed without cancellation.
   *
   * @return Φ(−x)
   */
  public static double survival(double x) {
    return cdf(-x);
  }

  /**
   * Φ(x) when the caller already holds φ(x): the same Cody approximation as {@link #cdf(double)}
   * without a second exponential. Used by the pricers and the implied-vol iteration, which need φ anyway.
   *
   * <p>For |x| ≤ √32 one rational of degree 8 is evaluated, with the coefficients of Cody's first interval (in x²,
   * padded with zeros) or of his second (in |x|) loaded by an index taken from a sign bit rather than chosen by a
   * branch: on a random book |x| falls on either side of 0.66291 at random, and a mispredicted branch that waits for
   * x (at the end of the exponential and logarithm that produce it) costs more than the padding. One rational, one
   * division; the same coefficients and the same result as Cody's intervals to the rounding of the evaluation.
   *
   * @param pdfAtX φ(x), computed accurately (for example by {@link #pdf})
   */
  public static double cdf(double x, double pdfAtX) {
    double y = Math.abs(x);
    if (!(y <= SQRT_32 && pdfAtX > 1e-290)) {
      return cdfBeyondMiddle(x, y, pdfAtX); // rare, a branch that is predicted
    }
    long first = Double.doubleToRawLongBits(y - ANORM_THRESHOLD) >> 63; // all ones where |x| < 0.66291
    long positive = Double.doubleToRawLongBits(-x) >> 63; // all ones where x > 0 (or x = +0, in the first)
    // first interval: Φ(x) = ½ + x·A(x²)/B(x²); second: Φ(−|x|) = φ(x)·√(2π)·C(|x|)/D(|x|), Φ(x) = 1 − Φ(−x) for x > 0
    int o = (int) first & 9; // 9: the first interval's coefficients, 0: the second's
    double z = select(first, x * x, y);
    double base = select(first, 0.5, Double.longBitsToDouble(ONE_BITS & positive));
    double scale = select(first, x, -Math.copySign(SQRT_2PI * pdfAtX, x));
    double[] n = SELECTED_NUMERATOR;
    double[] d = SELECTED_DENOMINATOR;
    double ratio = estrin8(z, n[o], n[o + 1], n[o + 2], n[o + 3], n[o + 4], n[o + 5], n[o + 6], n[o + 7], n[o + 8])
        / estrin8(z, d[o], d[o + 1], d[o + 2], d[o + 3], d[o + 4], d[o + 5], d[o + 6], d[o + 7], d[o + 8]);
    return Math.fma(scale, ratio, base);
  }

  /**
   * The numerators of {@link #cdf(double, double)}, highest power first: Cody's second interval in |x| at 0..8, his
   * first in x² (degree 4, padded with zeros) at 9..17.
   */
  private static final double[] SELECTED_NUMERATOR = {
    C[8], C[0], C[1], C[2], C[3], C[4], C[5], C[6], C[7],
    0.0, 0.0, 0.0, 0.0, A4, A0, A1, A2, A3};
  /** The denominators of {@link #cdf(double, double)}, laid out as {@link #SELECTED_NUMERATOR}. */
  private static final double[] SELECTED_DENOMINATOR = {
    1.0, D[0], D[1], D[2], D[3], D[4], D[5], D[6], D[7],
    0.0, 0.0, 0.0, 0.0, 1.0, B0, B1, B2, B3};

  /**
   * The lower tail Φ(−y) for y ≥ 0 when the caller holds φ(y), as φ(y)·M(y) with the Mills ratio M(y) = Φ(−y)/φ(y)
   * (the pricers take both of their tails this way). Below 12, M is a polynomial of degree 11 on each quarter
   * [j/4, (j+1)/4) in u = y − (j/4 + 1/8): no division and no choice between Cody's two rationals, only a table row
   * picked by the integer part of 4y. The coefficients interpolate M at the Chebyshev nodes of each quarter
   * (60-digit mpmath, scripts/mills_ratio.py), the constant term as a double plus its rounding error; evaluated in
   * double arithmetic M is within 1.05·2^−53 relative (simulated with every operation rounded, and checked in
   * {@code NormalTest} against 60 digits), so the tail carries φ(y)'s error and about one rounding more. From 12 on,
   * or for an underflowed density, {@link #cdf(double, double)}'s continued fraction.
   *
   * @param y ≥ 0
   * @param pdfAtY φ(y), computed accurately (for example by {@link #pdf})
   */
  static double lowerTail(double y, double pdfAtY) {
    if (!(y < MILLS_TABLE_END && pdfAtY > 1e-290)) {
      return cdfBeyondMiddle(-y, y, pdfAtY); // rare, a branch that is predicted
    }
    return pdfAtY * millsTable(y);
  }

  /**
   * The Mills ratio M(y) = Φ(−y)/φ(y) = √(π/2)·erfcx(y/√2) for y ≥ 0 (the normal tail over the density; for the
   * small-expiry series of the normalised Black value, Y(h) = M(−h) at h ≤ 0). Below 12 from the table of
   * quarter-interval polynomials described at {@link #lowerTail}, within 1.05·2^−53 relative; beyond, for a negative
   * y (where M still is √(π/2)·erfcx(y/√2)) and for NaN, from {@link #erfcx}.
   *
   * @param y any number; the table serves 0 ≤ y &lt; 12
   */
  public static double millsRatio(double y) {
    if (!(y >= 0 && y < MILLS_TABLE_END)) {
      return SQRT_PI_OVER_TWO * erfcx(INV_SQRT_2 * y); // rare, a branch that is predicted
    }
    return millsTable(y);
  }

  /** M(y) for 0 ≤ y &lt; 12 from {@link #MILLS}. */
  private static double millsTable(double y) {
    int j = (int) (y * 4);
    double u = y - (0.25 * j + 0.125); // exact from the second quarter on (Sterbenz)
    double[] m = MILLS;
    int o = 13 * j;
    double u2 = u * u;
    double u4 = u2 * u2;
    // c1 + c2·u + … + c11·u^10 by Estrin's scheme, then c0 + u·(that) with c0 as a double plus its rounding error
    double p01 = Math.fma(m[o + 3], u, m[o + 2]);
    double p23 = Math.fma(m[o + 5], u, m[o + 4]);
    double p45 = Math.fma(m[o + 7], u, m[o + 6]);
    double p67 = Math.fma(m[o + 9], u, m[o + 8]);
    double p89 = Math.fma(m[o + 11], u, m[o + 10]);
    double p03 = Math.fma(p23, u2, p01);
    double p47 = Math.fma(p67, u2, p45);
    double p810 = Math.fma(m[o + 12], u2, p89);
    double rest = Math.fma(Math.fma(p810, u4, p47), u4, p03);
    return m[o] + Math.fma(rest, u, m[o + 1]);
  }

  /** The end of {@link #MILLS}: 48 quarters. */
  private static final double MILLS_TABLE_END = 12;

  /**
   * The Mills ratio Φ(−y)/φ(y) on the quarters [j/4, (j+1)/4), j = 0..47 (up to 12), thirteen doubles per quarter:
   * the constant term as a double and its rounding error, then the coefficients of u¹ … u¹¹, u = y − (j/4 + 1/8).
   * Generated by scripts/mills_ratio.py (mpmath, 60 digits; Chebyshev interpolation of degree 11).
   */
  private static final double[] MILLS = {
    0x1.23329ae210ff4p+0, -0x1.ebb0ebd6cbdaep-54, -0x1.b73359477bc03p-1, 0x1.07bf654d99439p-1, -0x1.0ed2486930656p-2, 0x1.eda4818e04e7dp-4, -0x1.98a1d3c7958fap-5, 0x1.38119856ad3c6p-6, -0x1.bcb7b0707acb8p-8, 0x1.2a2b5e2d7c3f3p-9, -0x1.7abcc44894521p-11, 0x1.cbdd91c700e83p-13, -0x1.09f577cca4b96p-14,
    0x1.e72e927666adap-1, -0x1.f64f712b2ebb2p-57, -0x1.494e8913997eep-1, 0x1.6bb11f0f0d1e5p-2, -0x1.5c2719abb40c8p-3, 0x1.2a69ca3ed8231p-4, -0x1.d38539330e245p-6, 0x1.5371bbf393c0ep-7, -0x1.cd922b83e189fp-9, 0x1.282b9dcad0f6bp-10, -0x1.68ebf0aef2cebp-12, 0x1.a53530caa7dacp-14, -0x1.d5432b7a8ad86p-16,
    0x1.9efe466edb8d2p-1, 0x1.3fe9bbd8be34ap-56, -0x1.f94227f56d8f9p-2, 0x1.011999f229506p-2, -0x1.cb6d8a52c4fcbp-4, 0x1.72a0f8aa723f2p-5, -0x1.12e296e465504p-6, 0x1.7ba2e21c306d4p-8, -0x1.ecb975fc0e2dbp-10, 0x1.2ea58abd9a8a3p-11, -0x1.61e82f559f97ap-13, 0x1.8d0c79294b673p-15, -0x1.aa1df17b98242p-17,
    0x1.670e47a65a82dp-1, -0x1.a2ae49abbfe92p-56, -0x1.8ba7029ce19b2p-2, 0x1.73ea6d036f9e0p-3, -0x1.3695ee8f2bb2cp-4, 0x1.d811a94996748p-6, -0x1.4bb68271b58aap-7, 0x1.b3ed15b57db7ap-9, -0x1.0e1e74490ad78p-10, 0x1.3dbf6f1c7bebap-12, -0x1.64a424022cc38p-14, 0x1.80bc247ad9dfep-16, -0x1.8dd3930ae79a2p-18,
    0x1.3adb542dfc7bap-1, -0x1.1e8912fc5a4f0p-58, -0x1.3b92829887e9ep-2, 0x1.12b1d57060103p-3, -0x1.ad7bf16e2faccp-5, 0x1.33cdf312c4220p-6, -0x1.9a268dec33345p-8, 0x1.0099799527e2fp-9, -0x1.2fc966627160fp-11, 0x1.56515c18f30c3p-13, -0x1.70e79907fa995p-15, 0x1.7ec70ae337c50p-17, -0x1.7d70dd191896bp-19,
    0x1.17514c7e7bec5p-1, -0x1.a7821a8da9b10p-55, -0x1.ffc0db48566c7p-3, 0x1.9d9c047678dc2p-4, -0x1.2f3220492f1c3p-5, 0x1.9a531c884fd36p-7, -0x1.036f4a5d518dep-8, 0x1.3548cc9468f27p-10, -0x1.5dfc094c34040p-12, 0x1.79f40932a98bcp-14, -0x1.8738b81f76c45p-16, 0x1.8693411c2c242p-18, -0x1.77317e824c7eep-20,
    0x1.f49535cbfbfeep-2, 0x1.a7f6115b2fb7dp-56, -0x1.a51b11290d039p-3, 0x1.3cde6fb542d80p-4, -0x1.b4663bba11e04p-6, 0x1.1729cee3569eap-7, -0x1.4f539f6891371p-9, 0x1.7d2a3b0b91f2fp-11, -0x1.9c85a3506649ap-13, 0x1.ab2799c981db3p-15, -0x1.a8dec12dce6f7p-17, 0x1.9846cc1b323e5p-19, -0x1.7a31507857d08p-21,
    0x1.c48050a308297p-2, -0x1.c5b8c6544922ep-56, -0x1.5f1ed19ca164bp-3, 0x1.ed4db080c36c0p-5, -0x1.3fb112560f705p-6, 0x1.832f5ea0295abp-8, -0x1.ba3c5feff21a4p-10, 0x1.dfb2d9c86aed1p-12, -0x1.f0dca8df6bcdfp-14, 0x1.ed968dde4cf97p-16, -0x1.d7fc21f0de268p-18, 0x1.b4be63f4ec6dep-20, -0x1.8641394a39c6cp-22,
    0x1.9c2ccac41d903p-2, -0x1.ec4e8c009fb57p-56, -0x1.2841a23e825b5p-3, 0x1.859c3986cc3c8p-5, -0x1.dc2368fa1f3bcp-7, 0x1.1152d383d702bp-8, -0x1.292bd9fcdd5c4p-10, 0x1.33debf3e10c4ap-12, -0x1.31680a12783a4p-14, 0x1.233ecf63c4dd3p-16, -0x1.0be0f1903576ep-18, 0x1.dd9a324f7ea7ep-21, -0x1.9bd50b1e45099p-23,
    0x1.79f84a0a01afcp-2, 0x1.5c7d786cbaddcp-61, -0x1.f94940a0effa6p-4, 0x1.37d32ea9cccc6p-5, -0x1.67fbede8ccbf2p-7, 0x1.8856659e4ca1ep-9, -0x1.96820508fcd03p-11, 0x1.929887077c0b4p-13, -0x1.7ec7e694ef7c2p-15, 0x1.5ea386501de51p-17, -0x1.366129c0a43c5p-19, 0x1.0ab0334d310bdp-21, -0x1.bc0516915ee3fp-24,
    0x1.5ca93db40451fp-2, -0x1.1fcab5fa020e5p-57, -0x1.b30ef81dd2a3cp-4, 0x1.f93b570390b3cp-6, -0x1.140012b3f47a2p-7, 0x1.1df67ceebf7fcp-9, -0x1.1aadcf17488a1p-11, 0x1.0be122c132c8dp-13, -0x1.e89bb832afc17p-16, 0x1.ae3800e4d63afp-18, -0x1.6eb6bf9e421e8p-20, 0x1.2fdc71c479439p-22, -0x1.e8a1c8bdb166cp-25,
    0x1.43512418e52bep-2, 0x1.cc5f7efc91a09p-56, -0x1.79dae0e1b4872p-4, 0x1.9dde93b55b565p-6, -0x1.acba23d1e4b06p-8, 0x1.a6e327d9fbb39p-10, -0x1.8f493090b1fc7p-12, 0x1.6a66cd32cbdb0p-14, -0x1.3d478ba29e784p-16, 0x1.0cb6abc25a46dp-18, -0x1.b9641a0642bd0p-21, 0x1.60e4742d23503p-23, -0x1.122d4495f135cp-25,
    0x1.2d38184268d98p-2, 0x1.a5970e58b7baep-59, -0x1.4ac2d0c1e1613p-4, 0x1.567f2957862c7p-6, -0x1.50fd2d1d584d3p-8, 0x1.3ce5786264a91p-10, -0x1.1e1fb034b837ap-12, 0x1.f1ee79343df79p-15, -0x1.a2d4bad26fcf8p-17, 0x1.5570763fe305fp-19, -0x1.0e5dca2c18ef6p-21, 0x1.a15d0c2d264b2p-24, -0x1.397de50136b9bp-26,
    0x1.19ce867cd112cp-2, 0x1.f59a3221e14acp-56, -0x1.239be86af9827p-4, 0x1.1e17d3147465ap-6, -0x1.0bd44c5e7c43dp-8, 0x1.e0e59525dc48dp-11, -0x1.9fafa2dce1c66p-13, 0x1.5b1909f5bf93cp-15, -0x1.18bc97ecb8147p-17, 0x1.b8e78bc34a5fep-20, -0x1.50d13938afff4p-22, 0x1.f63f3433058a9p-25, -0x1.6ce5b004beb95p-27,
    0x1.08a3069eed562p-2, -0x1.ef594d4edea3dp-58, -0x1.02c41fff8e9f5p-4, 0x1.e21499f5415c1p-7, -0x1.ae1dc2848abb8p-9, 0x1.712686b48e796p-11, -0x1.31d5e7cfb827ep-13, 0x1.ea98ee03b0948p-16, -0x1.7dde36b382116p-18, 0x1.210f093565d91p-20, -0x1.aa5724509f932p-23, 0x1.333ad2fa97dbdp-25, -0x1.b007242f792a6p-28,
    0x1.f2b61aeec5b59p-3, -0x1.e7f7d48f99483p-57, -0x1.cdf95e8b07824p-5, 0x1.99643ac0b37aep-7, -0x1.5cac1e01de111p-9, 0x1.1e75f6bb91607p-11, -0x1.c7722cb43ad4dp-14, 0x1.5f38db17f4068p-16, -0x1.075037ea4ff49p-18, 0x1.808c816bbf190p-21, -0x1.11f22e447d08dp-23, 0x1.7dd4dd1ae7a02p-26, -0x1.03f2298eeb4edp-28,
    0x1.d75b2f61191ddp-3, -0x1.0ce2652534bb3p-58, -0x1.9e9f723de1944p-5, 0x1.5e360c8a43e79p-7, -0x1.1d291c5192f26p-9, 0x1.c11d3ab122e21p-12, -0x1.56f3738e52c8cp-14, 0x1.fd0b92ce04e41p-17, -0x1.6fe2363b7da9cp-19, 0x1.03548aec023e6p-21, -0x1.6526ffc37528ap-24, 0x1.e1b6741eaa9bap-27, -0x1.3db438a80a5c0p-29,
    0x1.bebe7208c36efp-3, 0x1.ee5c23f4987bap-58, -0x1.75fb3466a3ea5p-5, 0x1.2d9d85c401354p-7, -0x1.d649c102c6567p-10, 0x1.636981b3e5e96p-12, -0x1.04fabd466f7cep-14, 0x1.7526b8fac2d4bp-17, -0x1.042bb76401ae9p-19, 0x1.625b948c042aap-22, -0x1.d80b5ac97b505p-25, 0x1.343ab2542e755p-27, -0x1.8a16b09529b65p-30,
    0x1.a87e53e063906p-3, -0x1.4d192917765a5p-57, -0x1.52def048ce117p-5, 0x1.05647061aa618p-7, -0x1.86c898feb6072p-10, 0x1.1bc3bf7349276p-12, -0x1.9128173c3c4fbp-15, 0x1.14830ac2faeffp-17, -0x1.744bc3a261ff7p-20, 0x1.ea39dd5d32e2cp-23, -0x1.3c080d6d46a3fp-25, 0x1.8fd963197a734p-28, -0x1.efcc3ccaecb79p-31,
    0x1.944a1ae7055f7p-3, -0x1.9983d5f8e6444p-58, -0x1.345af367173b3p-5, 0x1.c7b4241610f43p-8, -0x1.470c8f118999fp-10, 0x1.c8e6adc589ffdp-13, -0x1.3733212109910p-15, 0x1.9e01f21cc5600p-18, -0x1.0d5207490806cp-20, 0x1.5717db1380eb4p-23, -0x1.ac6df2f79b8a3p-26, 0x1.06bc09ad433b5p-28, -0x1.3c1dbf35c41f8p-31,
    0x1.81de7aecbf923p-3, -0x1.ca618245062cep-57, -0x1.19af280aa8cbcp-5, 0x1.8f60f9f174d21p-8, -0x1.138aff2a6a36dp-10, 0x1.72b71818e5dbcp-13, -0x1.e715c952bf645p-16, 0x1.38f0bb5522a0bp-18, -0x1.89bd05f824247p-21, 0x1.e59d0fb22f562p-24, -0x1.25d6a3a227db0p-26, 0x1.5d91c113cda49p-29, -0x1.9855a2ea9f967p-32,
    0x1.7102f59651d9cp-3, -0x1.aff5611ad9debp-59, -0x1.02405fe020368p-5, 0x1.5fc74c126907dp-8, -0x1.d334bafacdc62p-11, 0x1.2efef38f36339p-13, -0x1.805a7e0f1f8c2p-16, 0x1.dd6c49366288bp-19, -0x1.22ac83fb5e9e1p-21, 0x1.5b51d79559893p-24, -0x1.9798e816fe7ffp-27, 0x1.d69d54b4045e7p-30, -0x1.0afe7b0a13f4dp-32,
    0x1.6187cf4733979p-3, 0x1.9ad04f70eb3e2p-57, -0x1.db20907bee5a9p-6, 0x1.374e9b00fffeap-8, -0x1.8e6af01aee858p-11, 0x1.f2b6a2e10489cp-14, -0x1.31a9bd5162113p-16, 0x1.6f550378b7518p-19, -0x1.b136880712858p-22, 0x1.f5d5547f5ae48p-25, -0x1.1dbaaa96112ccp-27, 0x1.405dd1d999ac2p-30, -0x1.6148eaae94d41p-33,
    0x1.5344746eb961dp-3, -0x1.785b5d01ce958p-57, -0x1.b66e9fabf70bep-6, 0x1.14b372c6ff50ep-8, -0x1.55a0a0fcab361p-11, 0x1.9d17c8d719515p-14, -0x1.e9c21322a1743p-17, 0x1.1cf16433c5526p-19, -0x1.45b4b6b213f83p-22, 0x1.6e0569b168dcfp-25, -0x1.94afc1f2d6001p-28, 0x1.b8dfe153a308ap-31, -0x1.d8bf9d296d9d4p-34,
    0x1.46163472a2014p-3, -0x1.c0273d8152a9fp-57, -0x1.95bff60efdc41p-6, 0x1.ede781e4f6e2fp-9, -0x1.2672467cb2993p-11, 0x1.58442fb02b41dp-14, -0x1.8b1a7fb0dfb22p-17, 0x1.bd7ee9dd9d31dp-20, -0x1.ede7981f83f28p-23, 0x1.0d66613f8e3f7p-25, -0x1.215f44bc7873cp-28, 0x1.327a1ac1c7af8p-31, -0x1.3fb8dbf259067p-34,
    0x1.39df3e6469646p-3, -0x1.6eb9ad4c96203p-57, -0x1.788691ff01020p-6, 0x1.ba8041a692d7ep-9, -0x1.fe07ce85aa801p-12, 0x1.209048a077ce0p-14, -0x1.40d8ab5916c35p-17, 0x1.5ed1563a96fe1p-20, -0x1.797eaa60a29f5p-23, 0x1.90032de6c3574p-26, -0x1.a1ab749900c6ap-29, 0x1.ae48d4edc2ad7p-32, -0x1.b4ed65a9b1986p-35,
    0x1.2e85d0b109902p-3, 0x1.118ca3f0f4a53p-57, -0x1.5e4bcb5905288p-6, 0x1.8de1896a29539p-9, -0x1.bbc0766ce9467p-12, 0x1.e662757f82522p-15, -0x1.062c53fba23d9p-17, 0x1.1630377968c9fp-20, -0x1.22ba80667bab5p-23, 0x1.2b6e25429b375p-26, -0x1.301745b698248p-29, 0x1.30e3320e48694p-32, -0x1.2d7ff57a45040p-35,
    0x1.23f390a01532fp-3, -0x1.9e693c01c8e98p-57, -0x1.46abed9b720fdp-6, 0x1.66fa0dcfe5a9ep-9, -0x1.83c0cfbb6426dp-12, 0x1.9c05b4adb9886p-15, -0x1.aefed2b46f733p-18, 0x1.bc1cfbc73e75ap-21, -0x1.c311830c90fa8p-24, 0x1.c3cf73fdfc187p-27, -0x1.be889d7222308p-30, 0x1.b3f1b1c8d105ep-33, -0x1.a4087f57a60adp-36,
    0x1.1a150124a3ce9p-3, 0x1.0dd4ad2e24549p-58, -0x1.3152bed787017p-6, 0x1.44e9e595f2287p-9, -0x1.5433dd2a471f5p-12, 0x1.5ebb49c4ad083p-15, -0x1.6440c5f4a6942p-18, 0x1.64bbba487a7e8p-21, -0x1.605792b8d40c5p-24, 0x1.576dd941c7910p-27, -0x1.4a7e0af84a890p-30, 0x1.3a572f523908bp-33, -0x1.273bc8ec1d318p-36,
    0x1.10d9127e8f293p-3, -0x1.1c9e1fdb05118p-61, -0x1.1df8bcd501820p-6, 0x1.26f88d4638aafp-9, -0x1.2ba2375b1b095p-12, 0x1.2bf023e3bbe57p-15, -0x1.280ab6a87dacbp-18, 0x1.2042d0046a800p-21, -0x1.150a3f0498316p-24, 0x1.06eaece17651dp-27, -0x1.ecfb393b211d0p-31, 0x1.c908bc24d03b3p-34, -0x1.a2a100d5741eep-37,
    0x1.0830c5a626416p-3, 0x1.48fc7d19fe3d6p-58, -0x1.0c60e768e26b8p-6, 0x1.0c8d22c5ce5d3p-9, -0x1.08dd85b224e42p-12, 0x1.019ff580333c1p-15, -0x1.ee8191fece43bp-19, 0x1.d4847e65db987p-22, -0x1.b667327e8c113p-25, 0x1.95510eacc34fep-28, -0x1.7263055a6827bp-31, 0x1.4edc5c609d086p-34, -0x1.2b445578257adp-37,
    0x1.000edf9a72987p-3, -0x1.cc3be4667747ap-57, -0x1.f8adf1fb98fc7p-7, 0x1.ea50a027530b2p-10, -0x1.d5e1b1bd9a741p-13, 0x1.bc67530af00e4p-16, -0x1.9effccbde848bp-19, 0x1.7ed03aaab8a5bp-22, -0x1.5cf53fed28eacp-25, 0x1.3a767b75a10cfp-28, -0x1.183d36a4ae554p-31, 0x1.ee625183a995bp-35, -0x1.af49925c7444ap-38,
    0x1.f0cf530674e10p-4, -0x1.8dd9e50584c26p-62, -0x1.db5beb5c52df2p-7, 0x1.c0beff9616cd4p-10, -0x1.a22950a84f387p-13, 0x1.80d09ab2657e5p-16, -0x1.5ddf608e68328p-19, 0x1.3a67dc12e03dcp-22, -0x1.175a7742baeeep-25, 0x1.eaffabb5fbfb6p-29, -0x1.aaec73107d0ddp-32, 0x1.6f94e89e43795p-35, -0x1.39269c6ae547fp-38,
    0x1.e261767bb81d2p-4, -0x1.735d07e36f3bdp-59, -0x1.c07dfd9ed0616p-7, 0x1.9bb21f2ebee54p-10, -0x1.754b14d2b61d5p-13, 0x1.4e78562283e8cp-16, -0x1.284155210046bp-19, 0x1.037f602a5b9bdp-22, -0x1.c1b69a9f268bap-26, 0x1.819cb1336f6a1p-29, -0x1.474b0fcd09ff2p-32, 0x1.1330ed9d74ed7p-35, -0x1.ca15e490e472ap-39,
    0x1.d4c19cd7baf9ep-4, 0x1.1451196addb23p-61, -0x1.a7d0b9da9aa68p-7, 0x1.7a928f0187cc8p-10, -0x1.4e39f9145a7f8p-13, 0x1.23c0e77963b07p-16, -0x1.f7ccc08c4d516p-20, 0x1.ae60a3d039c1dp-23, -0x1.6be091b5ba634p-26, 0x1.309433f75c2cap-29, -0x1.f8eea4413f4ecp-33, 0x1.9ec6f9e04536fp-36, -0x1.516960413ed60p-39,
    0x1.c7df30fa163d1p-4, -0x1.fa7801cd5941bp-60, -0x1.91196aa3d5112p-7, 0x1.5cdfd58abbc25p-10, -0x1.2c177a7e65cbdp-13, 0x1.feb934d05a863p-17, -0x1.ae131eaec220ap-20, 0x1.667ff2efd734fp-23, -0x1.27e62f4fddf0dp-26, 0x1.e3c96499e6ea2p-30, -0x1.87cdc607b1d96p-33, 0x1.3a9284a3aa332p-36, -0x1.f46b866fe2aedp-40,
    0x1.bbab54f8651d0p-4, -0x1.7a3e10d5be87cp-58, -0x1.7c24c52b2abcbp-7, 0x1.422c82650bb84p-10, -0x1.0e2ab3fe1d35fp-13, 0x1.c079a2e64cd82p-17, -0x1.70888246f041cp-20, 0x1.2be9ede425c35p-23, -0x1.e38c7ec47ce91p-27, 0x1.823cd79b13973p-30, -0x1.31c09fcb33a4dp-33, 0x1.e0114de87a4d6p-37, -0x1.75817541ce616p-40,
    0x1.b018ab44311a2p-4, -0x1.3aaf0ed6dca62p-58, -0x1.68c5d3059d5a1p-7, 0x1.2a1aff339691fp-10, -0x1.e7b2a8dc26826p-14, 0x1.8b0a085300318p-17, -0x1.3cf1f48b50697p-20, 0x1.f7dfcffa8ac02p-24, -0x1.8cea559c2b740p-27, 0x1.35e99bd6b581dp-30, -0x1.dfcf2d8d0f421p-34, 0x1.707748b0a6c73p-37, -0x1.18862ae3006e6p-40,
    0x1.a51b27c427c26p-4, 0x1.b2c40d84821fdp-61, -0x1.56d50a000a88ep-7, 0x1.145af78362b6ap-10, -0x1.b94408fea0db9p-14, 0x1.5d014346be50fp-17, -0x1.11869a46981bbp-20, 0x1.a8f178d14f354p-24, -0x1.473d1d316cfd0p-27, 0x1.f3bf190c73349p-31, -0x1.7a73ee93c7670p-34, 0x1.1c67be10b151ap-37, -0x1.a7eae10cbc4a4p-41,
    0x1.9aa7e79346b06p-4, 0x1.033b425906dfdp-60, -0x1.462f898d2f921p-7, 0x1.00a7391fff02bp-10, -0x1.902fd6f2cc76bp-14, 0x1.35364ec49a2c7p-17, -0x1.d9ae2c0303fa6p-21, 0x1.67bbf78fd5b51p-24, -0x1.0eef16324e480p-27, 0x1.94cd8111fb1e9p-31, -0x1.2c03873c3c5c8p-34, 0x1.b96daaba4590cp-38, -0x1.42295b78b176ap-41,
    0x1.90b50e552a676p-4, -0x1.c7eb18e3a1558p-59, -0x1.36b6770d954bcp-7, 0x1.dd87e9fe5cdf3p-11, -0x1.6bbe29c5166b1p-14, 0x1.12b3d20ec7faep-17, -0x1.9b753109bb5a7p-21, 0x1.31a36b37f86a7p-24, -0x1.c27461a319040p-28, 0x1.495c55c53ed6fp-31, -0x1.ddf9157fe1c2ep-35, 0x1.585d13b411790p-38, -0x1.ec65837998525p-42,
    0x1.8739a83f2e6fbp-4, 0x1.1c94e3418bd58p-58, -0x1.284e7383f1c88p-7, 0x1.bcfa9c0437ebfp-11, -0x1.4b530ede40ea5p-14, 0x1.e95c977f7781ep-18, -0x1.6680768f579c2p-21, 0x1.04953d3b6d126p-24, -0x1.77ec3997a6568p-28, 0x1.0d20fd5358ab3p-31, -0x1.7e8636c65c131p-35, 0x1.0dfe919deb2f4p-38, -0x1.7a518182e32f2p-42,
    0x1.7e2d901d21afdp-4, -0x1.ab95fe5bcda33p-60, -0x1.1adf2653d0a08p-7, 0x1.9f4c4d7426a9cp-11, -0x1.2e69d0c7d34b4p-14, 0x1.b4f88558413a3p-18, -0x1.3947391f32a8ep-21, 0x1.bdd3ca3c2ef11p-25, -0x1.3ae60f16ceca5p-28, 0x1.b9a3e1cde29a1p-32, -0x1.33833bd0e11cep-35, 0x1.a96ce4ee14adbp-39, -0x1.242d942a60827p-42,
    0x1.758958b7f42f6p-4, -0x1.7c36e87fd1e0dp-58, -0x1.0e52d97c03e86p-7, 0x1.842e44d7b7dc4p-11, -0x1.14911d90d2c88p-14, 0x1.872014db2a757p-18, -0x1.1287f062cade1p-21, 0x1.7e9b81bd3d721p-25, -0x1.08bb4cdeb839dp-28, 0x1.6bce52e799dd0p-32, -0x1.f08ffa245e364p-36, 0x1.50bbffa7576b5p-39, -0x1.c58fab41c58bbp-43,
    0x1.6d46391e7c0cbp-4, 0x1.bded5cf6da5afp-58, -0x1.02962466df946p-7, 0x1.6b5b9fdb48970p-11, -0x1.facfc0225e764p-15, 0x1.5ee5886c5d18ep-18, -0x1.e274a45e1991bp-22, 0x1.495e82e949f86p-25, -0x1.bea8738ccf79dp-29, 0x1.2cd6285225807p-32, -0x1.92973dc87ff09p-36, 0x1.0bbc2441789a1p-39, -0x1.61bdfa4db5e96p-43,
    0x1.655dfb657083cp-4, -0x1.9862a2bb0c2d1p-60, -0x1.ef2f45e20256ap-8, 0x1.5497edb0b689cp-11, -0x1.d13551ca77210p-15, 0x1.3b80b158bb098p-18, -0x1.a9089007b7f12p-22, 0x1.1c623eefdd733p-25, -0x1.7a0fe5557ab57p-29, 0x1.f35e3b75a2cbap-33, -0x1.47b774390f92dp-36, 0x1.ab999929e4f88p-40, -0x1.152d71ea4753fp-43,
    0x1.5dcaed84f334ap-4, 0x1.92a9a0961c7fep-58, -0x1.da8f6d674bbf3p-8, 0x1.3fae01f98aefcp-11, -0x1.abc316c7a4767p-15, 0x1.1c486d8fae361p-18, -0x1.77625b7c54ca5p-22, 0x1.ec7e83e41d9ddp-26, -0x1.4107f9c1de0dap-29, 0x1.9feece7d8cc0fp-33, -0x1.0bcdb9493edfdp-36, 0x1.56e4f04227d56p-40, -0x1.b4536977b99b2p-44,
    0x1.5687d4082e0e1p-4, -0x1.38c485bd590d6p-58, -0x1.c730a1edd193cp-8, 0x1.2c6ef66b20989p-11, -0x1.89fcb12232e24p-15, 0x1.00ad5e77da93fp-18, -0x1.4c55b0d43e439p-22, 0x1.aba0df0e12909p-26, -0x1.1173176a32705p-29, 0x1.5ba08412324b4p-33, -0x1.b75417da1ea97p-37, 0x1.141567dbc2b1ap-40, -0x1.58ebd78baec38p-44,
  };

  /** {@link #cdf(double, double)} beyond Cody's second interval (|x| &gt; √32), or for an underflowed density or NaN. */
  private static double cdfBeyondMiddle(double x, double y, double pdfAtX) {
    if (!(pdfAtX > 1e-290)) {
      return cdf(x);
    }
    double tail = pdfAtX * (SQRT_2PI * ((INV_SQRT_2PI - largeTailCorrection(y)) / y));
    return x > 0 ? 1.0 - tail : tail;
  }

  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

  /** {@code a} where {@code mask} is all ones, {@code b} where it is 0: a select on bits, not a branch. */
  private static double select(long mask, double a, double b) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & mask | Double.doubleToRawLongBits(b) & ~mask);
  }

  /** Φ(−y) for y &gt; 0.66291 (Cody ANORM second and third intervals). NaN for NaN. */
  private static double upperTail(double y) {
    if (y <= SQRT_32) {
      return gaussian(y, middleTailRatio(y));
    }
    if (y > 40) {
      return y == y ? 0.0 : Double.NaN;
    }
    return gaussian(y, (INV_SQRT_2PI - largeTailCorrection(y)) / y);
  }

  // The rational approximations below are evaluated with fused multiply-adds, by Horner's rule or, for the
  // degree-8 pairs on the pricers' critical path, Estrin's scheme: one rounding per step and half the latency
  // of a separate multiply and add (all coefficients are positive and the argument is non-negative, so no
  // step cancels).

  /** Cody ANORM's Φ(−y)/exp(−y²/2) for 0.66291 &lt; y ≤ √32. */
  private static double middleTailRatio(double y) {
    return estrin8(y, C[8], C[0], C[1], C[2], C[3], C[4], C[5], C[6], C[7])
        / estrin8(y, 1.0, D[0], D[1], D[2], D[3], D[4], D[5], D[6], D[7]);
  }

  /** Cody ANORM's asymptotic correction for y &gt; √32: Φ(−y) = exp(−y²/2)·(1/√(2π) − this)/y. */
  private static double largeTailCorrection(double y) {
    double xsq = 1.0 / (y * y);
    double xnum = P[5];
    double xden = 1.0;
    for (int i = 0; i < 5; i++) {
      xnum = Math.fma(xnum, xsq, P[i]);
      xden = Math.fma(xden, xsq, Q[i]);
    }
    return xsq * xnum / xden;
  }

  /** Cody CALERF's erf(y)/y for y² = {@code ysq} ≤ 0.46875². */
  private static double smallErfRatio(double ysq) {
    double xnum = EA[4];
    double xden = 1.0;
    for (int i = 0; i < 4; i++) {
      xnum = Math.fma(xnum, ysq, EA[i]);
      xden = Math.fma(xden, ysq, EB[i]);
    }
    return xnum / xden;
  }

  /**
   * factor · exp(−y²/2) for 0 ≤ y ≤ 40 with y² split exactly into head + tail (the tail by a fused
   * multiply-add), so the result keeps full relative precision where y² is large; the product is formed so that only
   * the final rounding can be subnormal.
   */
  private static double gaussian(double y, double factor) {
    double sq = y * y;
    double err = Math.fma(y, y, -sq); // y*y == sq + err exactly
    double correction = 1.0 - 0.5 * err;
    if (sq < 1400) {
      return Exponential.exp(-0.5 * sq) * (factor * correction);
    }
    double root = Math.exp(-0.25 * sq); // avoid a subnormal intermediate
    return (root * (factor * correction)) * root;
  }

  /** factor · exp(−y²) for 0 ≤ y ≤ 28, y² split exactly as in {@link #gaussian}. */
  private static double expMinusSquare(double y, double factor) {
    double sq = y * y;
    double err = Math.fma(y, y, -sq);
    double correction = 1.0 - err;
    if (sq < 700) {
      return Exponential.exp(-sq) * (factor * correction);
    }
    double root = Math.exp(-0.5 * sq);
    return (root * (factor * correction)) * root;
  }

  /** exp(+y²) for |y| ≤ 26.6 with y² split exactly. */
  private static double expSquare(double y) {
    double sq = y * y;
    double err = Math.fma(y, y, -sq);
    return Exponential.exp(sq) * (1.0 + err);
  }

  /**
   * The complementary error function erfc(x) = 2/√π ∫ₓ^∞ e^{−t²} dt (Cody 1969).
   *
   * @return erfc(x) in [0, 2]; full relative precision down to about 1e−308 (x ≈ 26.5); NaN for NaN
   */
  public static double erfc(double x) {
    double y = Math.abs(x);
    double result;
    if (y <= 0.46875) {
      return 1.0 - x * smallErfRatio(y * y);
    } else if (y <= 4.0) {
      result = expMinusSquare(y, erfcxMiddle(y));
    } else if (y < 28) {
      result = expMinusSquare(y, erfcxLarge(y));
    } else {
      result = y == y ? 0.0 : Double.NaN;
    }
    return x < 0 ? 2.0 - result : result;
  }

  /**
   * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x), for asymptotic work where
   * erfc itself underflows; erfcx(x) ~ 1/(x√π) as x → +∞.
   *
   * @return erfcx(x); +∞ below x ≈ −26.6 where exp(x²) overflows; NaN for NaN
   */
  public static double erfcx(double x) {
    double y = Math.abs(x);
    double result;
    if (y <= 0.46875) {
      double ysq = y * y;
      return Exponential.exp(ysq) * (1.0 - x * smallErfRatio(ysq));
    } else if (y <= 4.0) {
      result = erfcxMiddle(y);
    } else if (y < 6.71e7) {
      result = erfcxLarge(y);
    } else if (y <= Double.MAX_VALUE) {
      result = INV_SQRT_PI / y;
    } else {
      result = y == y ? 0.0 : Double.NaN;
    }
    if (x >= 0) {
      return result;
    }
    if (x < -26.628) {
      return Double.POSITIVE_INFINITY;
    }
    double twice = expSquare(y);
    return (twice + twice) - result;
  }

  /** exp(y²)·erfc(y) for 0.46875 &lt; y ≤ 4. */
  private static double erfcxMiddle(double y) {
    return estrin8(y, EC[8], EC[0], EC[1], EC[2], EC[3], EC[4], EC[5], EC[6], EC[7])
        / estrin8(y, 1.0, ED[0], ED[1], ED[2], ED[3], ED[4], ED[5], ED[6], ED[7]);
  }

  /**
   * c8·y⁸ + c7·y⁷ + … + c0 for y ≥ 0 by Estrin's scheme: pairs c_{2i+1}·y + c_{2i}, then pairs of those by y², y⁴
   * and y⁸, four fused multiply-adds deep where Horner's rule is eight. With positive coefficients and y ≥ 0 no
   * step cancels, so the error stays a few ulps as with Horner; the shorter chain is what the pricers wait on.
   */
  private static double estrin8(double y, double c8, double c7, double c6, double c5, double c4, double c3,
      double c2, double c1, double c0) {
    double y2 = y * y;
    double y4 = y2 * y2;
    double low = Math.fma(Math.fma(c3, y, c2), y2, Math.fma(c1, y, c0));
    double high = Math.fma(Math.fma(c7, y, c6), y2, Math.fma(c5, y, c4));
    return Math.fma(c8, y4 * y4, Math.fma(high, y4, low));
  }

  /** exp(y²)·erfc(y) for y &gt; 4. */
  private static double erfcxLarge(double y) {
    double ysq = 1.0 / (y * y);
    double xnum = EP[5];
    double xden = 1.0;
    for (int i = 0; i < 5; i++) {
      xnum = Math.fma(xnum, ysq, EP[i]);
      xden = Math.fma(xden, ysq, EQ[i]);
    }
    return (INV_SQRT_PI - ysq * xnum / xden) / y;
  }

  /**
   * The quantile Φ⁻¹(p) (Wichura AS 241, PPND16).
   *
   * @param p a probability in [0, 1]
   * @return x with Φ(x) = p; −∞ for p = 0 and +∞ for p = 1
   * @throws InvalidInputException DOMAIN naming "probability" when p is NaN or outside [0, 1]
   */
  public static double inverseCdf(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw InvalidInputException.domain("probability", "must be in [0, 1], was " + p);
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
          + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
          + 133.14166789178437745) * r + 3.387132872796366608)
          / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
          + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
          + 42.313330701600911252) * r + 1.0);
    }
    if (p == 0.0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double r = Math.sqrt(-Math.log(q < 0 ? p : 1.0 - p));
    double val;
    if (r <= 5.0) {
      r -= 1.6;
      val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
          + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
          + 4.6303378461565452959) * r + 1.42343711074968357734)
          / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
          + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
          + 2.05319162663775882187) * r + 1.0);
    } else {
      r -= 5.0;
      val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
          + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
          + 5.4637849111641143699) * r + 6.6579046435011037772)
          / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
          + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
          + 0.59983220655588793769) * r + 1.0);
    }
    return q < 0 ? -val : val;
  }
}
