package org.gammaxl.workbooks.report;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a report's ledger values come from: the header of GX.LEDGER, its rows (streamed, one
 * host-neutral value per column: Double, String, Boolean or ExcelError), and the GX.LEDGER.SUMMARY
 * table. Both implementations give exactly what the formulas {@code GX.LEDGER(...)} and
 * {@code GX.LEDGER.SUMMARY(...)} of the report compute.
 */
public interface LedgerSource {
  /** The column names of the ledger. */
  List<String> header(PositionFile position, PriceSeries prices) throws ReportException;

  /**
   * Streams the ledger rows (without the header) to {@code rows} and returns the summary as name/value
   * rows.
   *
   * @throws ReportException when the inputs cannot produce a ledger (the message names the argument)
   */
  Object[][] run(PositionFile position, PriceSeries prices, Consumer<Object[]> rows) throws ReportException;
}
