package org.gammaxl.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.ExcelError;
import org.junit.jupiter.api.Test;

class FillJournalTest {
  private static final OptionPricer BSM = Model.BSM.pricer();
  private static final int DELTA = FillJournal.Column.OPTION_DELTA.ordinal();

  private static FillJournal straddle() {
    return new FillJournal(BSM, List.of(OptionLeg.of(OptionType.CALL, 100, 0.25, 10, 100),
        OptionLeg.of(OptionType.PUT, 100, 0.25, 10, 100)), 0.2, 0.03, 0.0);
  }

  @Test
  void positionDeltaBeforeAndAfterEachFillIsTheBooksDeltaPlusTheHedge() {
    FillJournal j = straddle();
    double[] first = j.fill(0, -100, 101, 101);
    double expected = 1000 * (BSM.greek(Greek.DELTA, OptionType.CALL, 101, 100, 0.25, 0.2, 0.03, 0)
        + BSM.greek(Greek.DELTA, OptionType.PUT, 101, 100, 0.25, 0.2, 0.03, 0));
    assertEquals(expected, first[DELTA], 1e-9);
    assertEquals(0, first[FillJournal.Column.HEDGE_BEFORE.ordinal()]);
    assertEquals(-100, first[FillJournal.Column.HEDGE_AFTER.ordinal()]);
    assertEquals(expected, first[FillJournal.Column.NET_DELTA_BEFORE.ordinal()], 1e-9);
    assertEquals(expected - 100, first[FillJournal.Column.NET_DELTA_AFTER.ordinal()], 1e-9);
    double[] second = j.fill(1.0 / 365, 60, 99, 99.02);
    assertEquals(-100, second[FillJournal.Column.HEDGE_BEFORE.ordinal()]);
    assertEquals(-40, second[FillJournal.Column.HEDGE_AFTER.ordinal()]);
  }

  /** Sold 100 at 101, bought 60 back at 99 and 40 more at 102: FIFO pairs give +120 and −40. */
  @Test
  void roundTripsAreMatchedFirstInFirstOut() {
    FillJournal j = straddle();
    int scalp = FillJournal.Column.SCALP_PNL.ordinal();
    assertEquals(0, j.fill(0, -100, 101, 101)[scalp], "opening a lot realises nothing");
    assertEquals(60 * 2, j.fill(1.0 / 365, 60, 99, 99)[scalp], 1e-9);
    double[] third = j.fill(2.0 / 365, 70, 102, 102);
    assertEquals(40 * (101 - 102), third[scalp], 1e-9, "closes the last 40 of the short lot; 30 open long");
    assertEquals(120 - 40, third[FillJournal.Column.SCALP_PNL_CUM.ordinal()], 1e-9);
    assertEquals(30 * (103 - 102), j.fill(3.0 / 365, -30, 103, 103)[scalp], 1e-9, "the long 30 sold higher");
  }

  @Test
  void gammaAgainstThetaBetweenFillsAndSlippageAgainstTheMark() {
    FillJournal j = straddle();
    double[] first = j.fill(0, 5, 100.05, 100);
    assertEquals(0.05 * 5, first[FillJournal.Column.SLIPPAGE.ordinal()], 1e-12, "bought above the mark: paid");
    double gamma = 1000 * 2 * BSM.greek(Greek.GAMMA, OptionType.CALL, 100, 100, 0.25, 0.2, 0.03, 0);
    double theta = 1000 * (BSM.greeks(OptionType.CALL, 100, 100, 0.25, 0.2, 0.03, 0).theta()
        + BSM.greeks(OptionType.PUT, 100, 100, 0.25, 0.2, 0.03, 0).theta());
    double[] second = j.fill(2.0 / 365, -5, 102.9, 103);
    assertEquals(0.5 * gamma * 9, second[FillJournal.Column.GAMMA_PNL_CUM.ordinal()], 1e-9);
    assertEquals(theta * 2.0 / 365, second[FillJournal.Column.THETA_PNL_CUM.ordinal()], 1e-9);
    assertTrue(second[FillJournal.Column.GAMMA_PNL_CUM.ordinal()] > 0 && theta < 0, "long gamma pays theta");
    assertEquals(0.1 * 5, second[FillJournal.Column.SLIPPAGE.ordinal()], 1e-12, "sold below the mark: paid");
  }

  /** GX.JOURNAL from a worksheet: a row per input row, blank rows blank, the same numbers as the engine. */
  @Test
  void gxJournalKeepsRowsAlignedWithItsInputs() {
    var f = Catalogue.standard().find("GX.JOURNAL").orElseThrow();
    Object blank = org.gammaxl.sheet.Empty.BLANK;
    Object[][] out = (Object[][]) f.invoke(new Object[] {
        new Object[][] {{0.0}, {1.0 / 365}, {blank}}, new Object[][] {{-100.0}, {60.0}, {blank}},
        new Object[][] {{101.0}, {99.0}, {blank}}, new Object[][] {{101.0}, {99.0}, {blank}},
        new Object[][] {{"C", 100.0, 0.25, 10.0}, {"P", 100.0, 0.25, 10.0}}, 0.2, 0.03, 0.0,
        new Object[][] {{"TIME", "YEARS"}, {"MULTIPLIER", 100.0}}});
    assertEquals(4, out.length, "header + one row per input row");
    assertEquals("SCALP_PNL", out[0][1 + FillJournal.Column.SCALP_PNL.ordinal()]);
    assertEquals(120.0, (Double) out[2][1 + FillJournal.Column.SCALP_PNL.ordinal()], 1e-9);
    assertEquals("", out[3][1], "a blank row is no fill");
    Object bad = f.invoke(new Object[] {new Object[][] {{0.0}}, new Object[][] {{1.0}}, new Object[][] {{1.0}},
        new Object[][] {{1.0}}, new Object[][] {{"C", -5.0, 0.25, 1.0}}, 0.2, 0.0, 0.0,
        new Object[][] {{"TIME", "YEARS"}}});
    assertEquals(ExcelError.NUM, bad, "a non-positive strike names the legs row");
  }
}
