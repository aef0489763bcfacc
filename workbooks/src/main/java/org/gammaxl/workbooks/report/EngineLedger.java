package org.gammaxl.workbooks.report;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
import org.gammaxl.pricing.CashDividends;
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
 * date-times turned into years on the position's clock (its basis, ACT/365F by default) from the first
 * observation, the position's pricer, lot and future delivery, one vol mark per row when the prices carry one, bid
 * and ask when they carry both); {@code EngineLedgerTest} checks that both give the same table.
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
   * A fresh engine run of {@code position} (one leg, or a book of legs) on a path whose first observation is at the
   * Excel date-time {@code origin}: the policy from the position file, then {@code policySettings}. Times, expiries and
   * the future's delivery are years on the position's clock ({@link #clock}) from that origin; feed the run times as
   * {@link #years} on the same clock. As GX.BOOK.LEDGER's defaults: sticky strike, and a book's American legs
   * re-price their early-exercise premium only when spot, time or vol has moved enough (REUSE); a single leg is
   * revalued at every row, as GX.LEDGER does.
   *
   * @throws InvalidInputException naming the setting the engine rejects
   */
  public static LedgerRun start(PositionFile position, double origin, UnaryOperator<HedgePolicy.Builder> policySettings) {
    YearClock clock = clock(position);
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
    if (!position.dividends().isEmpty()) {
      int n = position.dividends().size();
      double[] times = new double[n];
      double[] amounts = new double[n];
      for (int i = 0; i < n; i++) {
        times[i] = years(clock, origin, position.dividends().get(i).date(), "div_times");
        amounts[i] = position.dividends().get(i).amount();
      }
      builder.dividends(CashDividends.of(times, amounts, Double.POSITIVE_INFINITY));
    }
    HedgePolicy policy = policySettings.apply(builder).build();
    List<OptionLeg> legs = new java.util.ArrayList<>();
    for (PositionFile.Leg l : position.legs()) {
      legs.add(OptionLeg.of(l.typeKeyword().equals("CALL") ? OptionType.CALL : OptionType.PUT, l.strike(),
          years(clock, origin, l.expiry(), "expiry"), l.quantity(), position.multiplier()).withVol(l.vol()));
    }
    Model model = Model.parse(position.model());
    Marking marking = Marking.of(SmileDynamics.STICKY_STRIKE,
        position.isBook() && model.name().startsWith("AMERICAN") ? Revaluation.REUSE : Revaluation.EVERY_EVENT);
    return HedgeLedger.of(model.pricer(), Position.of(legs), policy, marking).start();
  }

  /** The position's clock: its {@code basis} key, ACT/365F when it has none. */
  public static YearClock clock(PositionFile position) {
    return position.basis() == null ? DayCount.ACT_365F : YearClock.parse(position.basis());
  }

  @Override
  public Object[][] run(PositionFile position, PriceSeries prices, Consumer<Object[]> rows) throws ReportException {
    try {
      double origin = prices.times()[0];
      YearClock clock = clock(position);
      LedgerRun run = start(position, origin, policySettings);
      boolean book = position.isBook();
      int width = LedgerColumn.values().length + (book ? BookColumn.values().length : 0);
      int time = LedgerColumn.TIME.ordinal();
      double[] vols = prices.vols();
      boolean quotes = prices.bids() != null && prices.asks() != null;
      for (int p = 0; p < prices.size(); p++) {
        double mark = vols == null ? position.vol() : vols[p];
        LedgerRow row = run.step(years(clock, origin, prices.times()[p], "times"), prices.spots()[p], mark,
            quotes ? prices.bids()[p] : Double.NaN, quotes ? prices.asks()[p] : Double.NaN);
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

  /** ACT/365F years from the Excel date-time {@code origin} to {@code serial}. */
  public static double years(double origin, double serial, String argument) {
    return years(DayCount.ACT_365F, origin, serial, argument);
  }

  /** Years on {@code clock} from the Excel date-time {@code origin} to {@code serial}. */
  public static double years(YearClock clock, double origin, double serial, String argument) {
    try {
      return YearFraction.fromExcel(origin, serial, clock);
    } catch (InvalidInputException e) {
      throw InvalidInputException.domain(argument, "is not an Excel date-time: " + serial);
    }
  }
}
