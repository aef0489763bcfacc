package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void europeanModelsAreWiredToTheirPricers() {
    assertSame(BlackScholesMerton.INSTANCE, Model.BSM.pricer());
    assertSame(Black76.INSTANCE, Model.BLACK76.pricer());
    assertSame(Bachelier.INSTANCE, Model.BACHELIER.pricer());
    assertSame(InverseOption.INSTANCE, Model.INVERSE.pricer());
    assertSame(BlackScholesMerton.INSTANCE, Model.parse("garman-kohlhagen").pricer());
  }

  @Test
  void americanModelsAreNamedByMethod() {
    // AMERICAN is the accurate boundary method; the approximations and the tree keep their own names
    assertSame(AmericanAndersenLake.ACCURATE, Model.parse("American").pricer());
    assertSame(AmericanAndersenLake.FAST, Model.parse("american.fast").pricer());
    assertSame(AmericanBjerksundStensland.INSTANCE, Model.parse("AMERICAN.BS2002").pricer());
    assertSame(AmericanBaroneAdesiWhaley.INSTANCE, Model.parse("american_baw").pricer());
    assertSame(AmericanLattice.INSTANCE, Model.parse("AMERICAN.LATTICE").pricer());
    assertEquals("AMERICAN.BS2002", Model.AMERICAN_BS2002.keyword());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Model.parse("american.heston"));
    assertTrue(e.getMessage().contains("AMERICAN.LATTICE"), e.getMessage());
  }
}
