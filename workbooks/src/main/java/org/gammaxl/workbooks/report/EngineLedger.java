package org.gammaxl.workbooks.report;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.LedgerSummary;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearFraction;

/**
 * The ledger computed by the engine ({@link HedgeLedger}) with the rows streamed: memory does not grow
 * with the path, so a report of a million rows needs no more heap than one of a thousand. It applies
 * the report's settings exactly as the catalogue's GX.LEDGER does (times and expiry as Excel
 * date-times turned into ACT/365F years from the first observation, the position's pricer, lot and
 * future delivery, one vol mark per row
 * when the prices carry one); {@code EngineLedgerTest} checks that both give the same table.
 */
public final class EngineLedger implements LedgerSource {

  @Override
  public List<String> header(PositionFile position, PriceSeries prices) {
    return LedgerRow.headers();
  }

  private final UnaryOperator<HedgePolicy.Builder> policySettings;

  /** The ledger of the position file's policy. */
  public EngineLedger() {
    this(UnaryOperator.identity());
  }

  /**
   * The ledger of the position file's policy with further settings a position file does not carry
   * (the hedge target, the half-spread, a fee per contract), applied by {@code policySettings}.
   */
  public EngineLedger(UnaryOperator<HedgePolicy.Builder> policySettings) {
    this.policySettings = policySettings;
  }

  /**
   * A fresh engine run of {@code position} on a path whose first observation is at the Excel
   * date-time {@code origin}: the policy from the position file, then {@code policySettings}. Feed it
   * times as {@link #years} from the same origin.
   *
   * @throws InvalidInputException naming the setting the engine rejects
   */
  public static LedgerRun start(PositionFile position, double origin, UnaryOperator<HedgePolicy.Builder> policySettings) {
    HedgePolicy.Builder builder = HedgePolicy.builder()
        .rule(RebalanceRule.parse(position.rule()))
        .threshold(position.threshold())
        .feeBps(position.feeBps())
        .slippageBps(position.slippageBps())
        .instrument(HedgeInstrument.parse(position.hedge()))
        .rate(position.rate())
        .yield(position.yield())
        .lotSize(position.lot());
    if (!Double.isNaN(position.futureExpiry())) {
      builder.futureExpiry(years(origin, position.futureExpiry(), "FUTURE_EXPIRY"));
    }
    HedgePolicy policy = policySettings.apply(builder).build();
    OptionLeg leg = OptionLeg.of(position.typeKeyword().equals("CALL") ? OptionType.CALL : OptionType.PUT,
        position.strike(), years(origin, position.expiry(), "expiry"), position.quantity(), position.multiplier());
    return HedgeLedger.of(Model.parse(position.model()).pricer(), Position.of(leg), policy).start();
  }

  @Override
  public Object[][] run(PositionFile position, PriceSeries prices, Consumer<Object[]> rows) throws ReportException {
    try {
      double origin = prices.times()[0];
      LedgerRun run = start(position, origin, policySettings);
      int width = LedgerColumn.values().length;
      int time = LedgerColumn.TIME.ordinal();
      double[] vols = prices.vols();
      boolean quotes = prices.bids() != null && prices.asks() != null;
      for (int p = 0; p < prices.size(); p++) {
        double mark = vols == null ? position.vol() : vols[p];
        LedgerRow row = run.step(years(origin, prices.times()[p], "times"), prices.spots()[p], mark,
            quotes ? prices.bids()[p] : Double.NaN, quotes ? prices.asks()[p] : Double.NaN);
        double[] values = row.toArray();
        Object[] out = new Object[width];
        for (int c = 0; c < width; c++) {
          out[c] = Double.isNaN(values[c]) ? "" : (Object) values[c];
        }
        out[time] = prices.times()[p];
        rows.accept(out);
      }
      LedgerSummary summary = run.summary();
      SummaryItem[] items = SummaryItem.values();
      Object[][] table = new Object[items.length][2];
      for (SummaryItem item : items) {
        double x = summary.value(item);
        table[item.ordinal()][0] = item.label();
        table[item.ordinal()][1] = Double.isNaN(x) ? ExcelError.NA : (Object) x;
      }
      return table;
    } catch (InvalidInputException e) {
      throw new ReportException("the ledger engine rejected the inputs: " + e.getMessage());
    }
  }

  /** ACT/365F years from the Excel date-time {@code origin} to {@code serial}, the engine's clock. */
  public static double years(double origin, double serial, String argument) {
    try {
      return YearFraction.fromExcel(origin, serial, DayCount.ACT_365F);
    } catch (InvalidInputException e) {
      throw InvalidInputException.domain(argument, "is not an Excel date-time: " + serial);
    }
  }
}
