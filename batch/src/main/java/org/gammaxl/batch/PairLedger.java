package org.gammaxl.batch;

import org.gammaxl.InvalidInputException;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.workbooks.report.EngineLedger;
import org.gammaxl.workbooks.report.LedgerReport;

/**
 * The one place where the sweep calls the ledger engine: a (book, policy) pair as the engine run and
 * the report that {@code gammaxl report} computes for the book's position file with the policy's
 * settings in place of its own ({@link EngineLedger}, so the two give the same numbers by construction
 * and {@code SweepMatchesReportTest} checks that they do).
 */
final class PairLedger {
  private PairLedger() {}

  /**
   * A fresh run of the pair on a path whose first observation is at the Excel date-time {@code origin};
   * feed it {@link EngineLedger#years} from that origin.
   *
   * @throws InvalidInputException naming the setting the engine rejects
   */
  static LedgerRun start(Book book, SweepPolicy policy, double origin) {
    return EngineLedger.start(policy.applyTo(book.position()), origin, policy::extraSettings);
  }

  /** The report writer of the pair (its policy's extra settings included). */
  static LedgerReport report(SweepPolicy policy) {
    return new LedgerReport(new EngineLedger(policy::extraSettings));
  }
}
