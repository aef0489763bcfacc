package org.gammaxl.workbooks.report;

import java.util.List;
import java.util.function.Consumer;
import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.ledger.BookColumn;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.Marking;
import org.gammaxl.ledger.Revaluation;
import org.gammaxl.ledger.SmileDynamics;
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
import org.gammaxl.time.YearClock;
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
    if (!position.isBook()) {
      return LedgerRow.headers();
    }
    List<String> h = new java.util.ArrayList<>(LedgerRow.headers());
    for (BookColumn c : BookColumn.values()) {
      h.add(c.header());
    }
    return List.copyOf(h);
  }

  @Override
  public Object[][] run(PositionFile position, PriceSeries prices, Consumer<Object[]> rows) throws ReportException {
    try {
      double origin = prices.times()[0];
      YearClock clock = position.basis() == null ? DayCount.ACT_365F : YearClock.parse(position.basis());
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
        builder.futureExpiry(years(clock, origin, position.futureExpiry(), "FUTURE_EXPIRY"));
      }
      HedgePolicy policy = builder.build();
      List<OptionLeg> legs = new java.util.ArrayList<>();
      for (PositionFile.Leg l : position.legs()) {
        legs.add(OptionLeg.of(l.typeKeyword().equals("CALL") ? OptionType.CALL : OptionType.PUT, l.strike(),
            years(clock, origin, l.expiry(), "expiry"), l.quantity(), position.multiplier()).withVol(l.vol()));
      }
      Model model = Model.parse(position.model());
      // As GX.BOOK.LEDGER's defaults: sticky strike; American legs re-price their early-exercise premium (REUSE).
      Marking marking = Marking.of(SmileDynamics.STICKY_STRIKE,
          model == Model.AMERICAN ? Revaluation.REUSE : Revaluation.EVERY_EVENT);
      LedgerRun run = HedgeLedger.of(model.pricer(), Position.of(legs), policy, marking).start();
      boolean book = position.isBook();
      int width = LedgerColumn.values().length + (book ? BookColumn.values().length : 0);
      int time = LedgerColumn.TIME.ordinal();
      double[] vols = prices.vols();
      for (int p = 0; p < prices.size(); p++) {
        double mark = vols == null ? position.vol() : vols[p];
        LedgerRow row = run.step(years(clock, origin, prices.times()[p], "times"), prices.spots()[p], mark,
            Double.NaN, Double.NaN);
        double[] values = row.toArray();
        Object[] out = new Object[width];
        for (int c = 0; c < values.length; c++) {
          out[c] = Double.isNaN(values[c]) ? "" : (Object) values[c];
        }
        if (book) {
          for (BookColumn c : BookColumn.values()) {
            double x = run.book(c);
            out[values.length + c.ordinal()] = Double.isNaN(x) ? "" : (Object) x;
          }
        }
        out[time] = prices.times()[p];
        rows.accept(out);
      }
      if (book) {
        // The book's summary (book column, one column per leg, the setup rows) is GX.BOOK.LEDGER.SUMMARY's own.
        return CatalogueLedger.bookSummary(position, prices);
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

  private static double years(YearClock clock, double origin, double serial, String argument) {
    try {
      return YearFraction.fromExcel(origin, serial, clock);
    } catch (InvalidInputException e) {
      throw InvalidInputException.domain(argument, "is not an Excel date-time: " + serial);
    }
  }
}
