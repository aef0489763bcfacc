package org.gammaxl.pricing;

import static org.gammaxl.pricing.AmericanReferenceTable.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmericanBaroneAdesiWhaleyTest {
  private static final AmericanBaroneAdesiWhaley BAW = AmericanBaroneAdesiWhaley.INSTANCE;
  private static final List<Map<String, String>> TABLE = AmericanReferenceTable.read("ql_american_baw.csv");

  private static double price(Map<String, String> row) {
    return BAW.price(AmericanReferenceTable.type(row), number(row, "S"), number(row, "K"), number(row, "T"),
        number(row, "v"), number(row, "r"), number(row, "q"));
  }

  @Test
  void reproducesHaugsPublishedTableWithinItsTolerance() {
    assertEquals(37, TABLE.size());
    for (Map<String, String> row : TABLE) {
      assertEquals(number(row, "expected"), price(row), number(row, "tolerance"), "row " + row.get("id"));
    }
  }

  @Test
  void agreesWithQuantLibToItsCriticalPriceTolerance() {
    // QuantLib 1.29 stops its Newton iteration at |LHS − RHS|/K < 1e-6; we iterate to 1e-13, which moves
    // the deep in-the-money put values by up to 1.4e-5 and everything else by less than 2e-6.
    for (Map<String, String> row : TABLE) {
      double tolerance = "put".equals(row.get("type")) ? 2e-5 : 2e-6;
      assertEquals(number(row, "ql_1_29_value"), price(row), tolerance, "row " + row.get("id"));
    }
  }

  @Test
  void staysCloseToTheLatticeWithTheKnownLongMaturityBias() {
    // BAW is accurate for short expiries and overvalues long-dated options (the neglected time derivative
    // of the premium grows with T): at most 0.1 per 100 of strike up to six months, 0.4 at two years.
    AmericanLattice lattice = AmericanLattice.of(401);
    for (double[] c : AmericanGrid.cases()) {
      OptionType type = AmericanGrid.type(c);
      double reference = lattice.price(type, c[1], 100, c[2], c[3], c[4], c[5]);
      double tolerance = c[2] <= 0.5 ? 0.1 : 0.4;
      assertEquals(reference, BAW.price(type, c[1], 100, c[2], c[3], c[4], c[5]), tolerance, AmericanGrid.describe(c));
    }
  }

  @Test
  void neverBelowEuropeanOrIntrinsic() {
    for (double[] c : AmericanGrid.cases()) {
      OptionType type = AmericanGrid.type(c);
      double value = BAW.price(type, c[1], 100, c[2], c[3], c[4], c[5]);
      assertTrue(value >= AmericanSupport.european(type, c[1], 100, c[2], c[3], c[4], c[5]) - 1e-12);
      assertTrue(value >= type.intrinsic(c[1], 100));
    }
  }

  @Test
  void callWithoutEarlyExerciseIsEuropeanAndZeroRatePutIsEuropean() {
    assertEquals(AmericanSupport.european(OptionType.CALL, 100, 95, 1, 0.3, 0.05, 0.0),
        BAW.price(OptionType.CALL, 100, 95, 1, 0.3, 0.05, 0.0), 1e-14);
    assertEquals(AmericanSupport.european(OptionType.PUT, 100, 105, 1, 0.3, 0.0, 0.02),
        BAW.price(OptionType.PUT, 100, 105, 1, 0.3, 0.0, 0.02), 1e-14);
  }

  @Test
  void zeroRateCallUsesTheLimitOfTheQuadraticCoefficient() {
    // r = 0 with a positive yield: early exercise pays; the r → 0 limit must be continuous.
    double atZero = BAW.price(OptionType.CALL, 120, 100, 2, 0.4, 0.0, 0.04);
    double nearZero = BAW.price(OptionType.CALL, 120, 100, 2, 0.4, 1e-9, 0.04);
    assertEquals(nearZero, atZero, 1e-6);
    assertEquals(AmericanLattice.of(401).price(OptionType.CALL, 120, 100, 2, 0.4, 0.0, 0.04), atZero, 0.1);
  }

  @Test
  void greeksAgreeWithTheLattice() {
    AmericanGreeksTest.assertCloseToLattice(BAW);
  }

  @Test
  void impliedVolRoundTrips() {
    AmericanGreeksTest.assertImpliedVolRoundTrip(BAW, 1e-10);
  }

  @Test
  void badInputsAreDomainErrorsNamingTheArgument() {
    AmericanGreeksTest.assertRejectsBadInputs(BAW);
  }
}
