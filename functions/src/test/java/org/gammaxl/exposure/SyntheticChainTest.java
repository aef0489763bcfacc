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
    SyntheticChain a = SyntheticChain.of(15, 2000);
    SyntheticChain b = SyntheticChain.of(15, 2000);
    int calls = 0;
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.type(i), b.type(i));
      assertEquals(a.strike(i), b.strike(i));
      assertEquals(a.openInterest(i), b.openInterest(i));
      assertTrue(a.strike(i) >= 60 && a.strike(i) <= 140 && a.strike(i) * 2 == Math.rint(a.strike(i) * 2));
      double days = a.years(i) * 365;
      assertTrue(Math.abs(days - Math.rint(days)) < 1e-9 && days >= 1 && days <= 365);
      assertTrue(a.vol(i) >= 0.1 && a.vol(i) < 0.6);
      assertTrue(a.openInterest(i) >= 0 && a.openInterest(i) <= 5000);
      calls += a.type(i).sign() > 0 ? 1 : 0;
    }
    assertTrue(calls > 900 && calls < 1100, "calls and puts with equal odds: " + calls);
    assertNotEquals(a.strike(0) + a.vol(0), SyntheticChain.of(16, 1).strike(0) + SyntheticChain.of(16, 1).vol(0));
    OptionChain chain = a.chain(ExposureConvention.CALLS_LONG);
    assertEquals(2000, chain.size());
    assertEquals(a.type(7).sign() * a.openInterest(7) + 0.0, chain.position(7));
    assertThrows(InvalidInputException.class, () -> SyntheticChain.of(1, 0));
  }
}
