package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertSame;

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
}
