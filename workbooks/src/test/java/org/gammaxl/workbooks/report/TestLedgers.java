package org.gammaxl.workbooks.report;

import org.gammaxl.sheet.WorksheetFunction;

/** The test-only stand-in ledger functions, for tests in other packages. */
public final class TestLedgers {
  public static final WorksheetFunction LEDGER = LedgerReportTest.FAKE_LEDGER;
  public static final WorksheetFunction SUMMARY = LedgerReportTest.FAKE_SUMMARY;

  private TestLedgers() {}
}
