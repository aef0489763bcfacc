package org.gammaxl.workbooks.report;

import org.gammaxl.sheet.WorksheetFunction;

/** The test-only stand-in ledger functions, for tests in other packages. */
public final class TestLedgers {
  public static final WorksheetFunction LEDGER = LedgerReportTest.FAKE_LEDGER;
  public static final WorksheetFunction SUMMARY = LedgerReportTest.FAKE_SUMMARY;

  private TestLedgers() {}

  /** A single-leg position (the GX.LEDGER form the stand-in functions take): short 100 at-the-money calls. */
  public static PositionFile shortCall(PriceSeries path) {
    PositionFile d = DemoData.position(path);
    return new PositionFile(d.underlying(), "C", d.strike(), d.expiry(), -100, 1, 0.60, null, "DELTA", 5.0, 1.0, 2.0,
        0.0, 0.0, "SPOT");
  }
}
