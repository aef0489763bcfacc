package org.gammaxl.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class SyntheticChainTest {
  @Test
  void theSameSeedGivesTheSameChainWithinTheDocumentedRanges() {
    OptionChain a = SyntheticChain.of(15, 2000);
    OptionChain b = SyntheticChain.of(15, 2000);
    assertEquals(2000, a.size());
    int calls = 0;
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.type(i), b.type(i));
      assertEquals(a.strike(i), b.strike(i));
      assertEquals(a.position(i), b.position(i));
      assertTrue(a.strike(i) >= 60 && a.strike(i) <= 140 && a.strike(i) * 2 == Math.rint(a.strike(i) * 2));
      double days = a.years(i) * 365;
      assertTrue(Math.abs(days - Math.rint(days)) < 1e-9 && days >= 1 && days <= 365);
      assertTrue(a.vol(i) >= 0.1 && a.vol(i) < 0.6);
      double oi = Math.abs(a.position(i));
      assertTrue(oi <= 5000 && oi == Math.rint(oi));
      assertTrue(a.position(i) * a.phi(i) >= 0, "CALLS_LONG: calls +OI, puts -OI");
      calls += a.phi(i) > 0 ? 1 : 0;
    }
    assertTrue(calls > 900 && calls < 1100, "calls and puts with equal odds: " + calls);
    assertNotEquals(a.strike(0) + a.vol(0), SyntheticChain.of(16, 1).strike(0) + SyntheticChain.of(16, 1).vol(0));
    assertThrows(InvalidInputException.class, () -> SyntheticChain.of(1, 0));
  }
}
