package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalisedBlackTest {

  /** 50-digit mpmath values over x from 0 to −300 and s from 1e−8 to 40 (all four regions). */
  @Test
  void matchesFiftyDigitValuesToFullRelativePrecision() {
    List<Map<String, String>> rows = ReferenceCsv.read("normalised_black_mpmath.csv");
    assertTrue(rows.size() > 150);
    double worst = 0;
    for (Map<String, String> row : rows) {
      double x = ReferenceCsv.number(row, "x");
      double s = ReferenceCsv.number(row, "s");
      double expected = ReferenceCsv.number(row, "b");
      double b = NormalisedBlack.call(x, s);
      // Rounding h = x/s and h² costs about h²·ε relative: the elasticity s·vega/b is the condition number.
      double elasticity = s * NormalisedBlack.vega(x, s) / expected;
      double error = Math.abs(b / expected - 1) / (1 + elasticity);
      worst = Math.max(worst, error);
      assertEquals(expected, b, 4e-16 * (8 + elasticity) * expected, () -> "b(" + x + ", " + s + ")");
      double vega = ReferenceCsv.number(row, "vega");
      double h = x / s;
      assertEquals(vega, NormalisedBlack.vega(x, s), 4e-16 * (8 + h * h + s * s) * vega, () -> "vega(" + x + ", " + s + ")");
    }
    System.out.println("NormalisedBlack vs mpmath: worst relative error " + worst);
  }

  /**
   * e^{x/2} − b as a sum of positive terms keeps full relative precision right up to the bound, where the
   * subtraction has no correct digit left. Rounding h costs at most (h + t)²·ε and (h − t)²·ε relative.
   */
  @Test
  void distanceToTheUpperBoundMatchesFiftyDigitValues() {
    for (Map<String, String> row : ReferenceCsv.read("normalised_black_mpmath.csv")) {
      double x = ReferenceCsv.number(row, "x");
      double s = ReferenceCsv.number(row, "s");
      double expected = ReferenceCsv.number(row, "complement");
      double h = Math.abs(x / s) + 0.5 * s;
      assertEquals(expected, NormalisedBlack.complementOfOutOfTheMoneyCall(x, s), 4e-16 * (8 + h * h) * expected,
          () -> "complement(" + x + ", " + s + ")");
    }
  }

  @Test
  void scaledValueIsTheValueOverTheVega() {
    for (Map<String, String> row : ReferenceCsv.read("normalised_black_mpmath.csv")) {
      double x = ReferenceCsv.number(row, "x");
      double s = ReferenceCsv.number(row, "s");
      double expected = ReferenceCsv.number(row, "b") / ReferenceCsv.number(row, "vega");
      double h = x / s;
      double conditionNumber = s / expected + h * h + s * s / 4;
      assertEquals(expected, NormalisedBlack.scaledOutOfTheMoneyCall(x, s), 4e-16 * (8 + conditionNumber) * expected,
          () -> "scaled(" + x + ", " + s + ")");
    }
  }

  /** Jäckel's own normalised values in the Let's Be Rational test set, calls and puts, x &gt; 0. */
  @Test
  void matchesLetsBeRationalReferenceNormalisedValues() {
    for (Map<String, String> row : ReferenceCsv.read("lbr_reference_test_values_part1.csv")) {
      double x = ReferenceCsv.number(row, "x_normalised_logmoneyness");
      double s = ReferenceCsv.number(row, "s_normalised_stddev");
      int theta = (int) ReferenceCsv.number(row, "q_call1_put-1");
      double expected = ReferenceCsv.number(row, "normalised_black");
      double expectedCall = ReferenceCsv.number(row, "normalised_black_call");
      String id = row.get("id");
      double vega = ReferenceCsv.number(row, "normalised_vega");
      // Both sides round h = x/s and h²; the elasticity s·vega/b bounds what that costs.
      assertEquals(expected, NormalisedBlack.value(x, s, theta), tolerance(expected, s, vega), () -> "row " + id);
      assertEquals(expectedCall, NormalisedBlack.call(x, s), tolerance(expectedCall, s, vega), () -> "row " + id);
      double h = x / s;
      assertEquals(vega, NormalisedBlack.vega(x, s), 4e-16 * (8 + h * h + s * s) * vega, () -> "row " + id);
    }
  }

  /** A few ulps, times the condition number 1 + s·vega/b; an underflowed reference must be met below 1e−300. */
  private static double tolerance(double expected, double s, double vega) {
    if (expected == 0) {
      return 1e-300;
    }
    return 4e-16 * (8 + s * vega / expected) * expected;
  }

  @Test
  void putCallParityHoldsInNormalisedUnits() {
    for (double x : new double[] {-3, -0.5, 0, 0.25, 2}) {
      for (double s : new double[] {0.01, 0.3, 1, 4}) {
        double parity = NormalisedBlack.value(x, s, 1) - NormalisedBlack.value(x, s, -1);
        assertEquals(Math.exp(0.5 * x) - Math.exp(-0.5 * x), parity, 1e-15 * Math.max(1, Math.abs(parity)));
      }
    }
  }

  @Test
  void zeroVolatilityIsWorthItsIntrinsicValue() {
    assertEquals(0.0, NormalisedBlack.call(-0.1, 0.0));
    assertEquals(2 * Math.sinh(0.05), NormalisedBlack.call(0.1, 0.0));
  }
}
