package org.gammaxl.ledger;

import static org.gammaxl.ledger.LedgerColumn.CARRY_PNL;
import static org.gammaxl.ledger.LedgerColumn.COST_PNL;
import static org.gammaxl.ledger.LedgerColumn.DELTA;
import static org.gammaxl.ledger.LedgerColumn.DELTA_PNL;
import static org.gammaxl.ledger.LedgerColumn.FEES;
import static org.gammaxl.ledger.LedgerColumn.FINANCING;
import static org.gammaxl.ledger.LedgerColumn.GAMMA;
import static org.gammaxl.ledger.LedgerColumn.GAMMA_PNL;
import static org.gammaxl.ledger.LedgerColumn.HEDGE_CASH;
import static org.gammaxl.ledger.LedgerColumn.HEDGE_PNL;
import static org.gammaxl.ledger.LedgerColumn.HEDGE_POSITION;
import static org.gammaxl.ledger.LedgerColumn.HEDGE_VALUE;
import static org.gammaxl.ledger.LedgerColumn.OPTION_PNL;
import static org.gammaxl.ledger.LedgerColumn.OPTION_VALUE;
import static org.gammaxl.ledger.LedgerColumn.RESIDUAL_PNL;
import static org.gammaxl.ledger.LedgerColumn.SETTLEMENT;
import static org.gammaxl.ledger.LedgerColumn.SLIPPAGE;
import static org.gammaxl.ledger.LedgerColumn.SPOT;
import static org.gammaxl.ledger.LedgerColumn.TARGET_HEDGE;
import static org.gammaxl.ledger.LedgerColumn.THETA;
import static org.gammaxl.ledger.LedgerColumn.THETA_PNL;
import static org.gammaxl.ledger.LedgerColumn.TIME;
import static org.gammaxl.ledger.LedgerColumn.TOTAL_PNL;
import static org.gammaxl.ledger.LedgerColumn.TRADE_CASH;
import static org.gammaxl.ledger.LedgerColumn.TRADE_PRICE;
import static org.gammaxl.ledger.LedgerColumn.TRADE_QTY;
import static org.gammaxl.ledger.LedgerColumn.VEGA;
import static org.gammaxl.ledger.LedgerColumn.VEGA_PNL;
import static org.gammaxl.ledger.LedgerColumn.VOL;
import static org.gammaxl.ledger.LedgerColumn.YEARS_LEFT;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.vol.ImpliedVolatility;

/**
 * One run of a {@link HedgeLedger}, fed one event at a time with {@link #step}; the streaming core
 * of the engine, for one leg or a book of many. Mutable, not thread-safe; O(legs) memory; no
 * allocation per event beyond what the pricer's {@code firstGreeks} call makes (none for
 * Black–Scholes–Merton and Black-76). The returned row is a view overwritten by the next step; the
 * book's extra columns ({@link #book}) and each leg's own values ({@link #leg}) are read the same way,
 * after the step and before the next.
 *
 * <p>Each event runs the same named steps in order: {@link #accrue carry since the previous event},
 * {@link LegBook#value settle, attribute and value the legs} (one pass), {@link #attribute attribute
 * the step's P&amp;L to the book}, {@link #hedge rebalance and execute}, {@link #writeRow write the row}.
 */
public final class LedgerRun {
  // column indices as static constants (an enum ordinal() is a field load the JIT does not fold)
  private static final int C_TIME = TIME.ordinal();
  private static final int C_SPOT = SPOT.ordinal();
  private static final int C_YEARS_LEFT = YEARS_LEFT.ordinal();
  private static final int C_VOL = VOL.ordinal();
  private static final int C_OPTION_VALUE = OPTION_VALUE.ordinal();
  private static final int C_DELTA = DELTA.ordinal();
  private static final int C_GAMMA = GAMMA.ordinal();
  private static final int C_VEGA = VEGA.ordinal();
  private static final int C_THETA = THETA.ordinal();
  private static final int C_TARGET_HEDGE = TARGET_HEDGE.ordinal();
  private static final int C_HEDGE_POSITION = HEDGE_POSITION.ordinal();
  private static final int C_TRADE_QTY = TRADE_QTY.ordinal();
  private static final int C_TRADE_PRICE = TRADE_PRICE.ordinal();
  private static final int C_TRADE_CASH = TRADE_CASH.ordinal();
  private static final int C_FEES = FEES.ordinal();
  private static final int C_SLIPPAGE = SLIPPAGE.ordinal();
  private static final int C_FINANCING = FINANCING.ordinal();
  private static final int C_SETTLEMENT = SETTLEMENT.ordinal();
  private static final int C_HEDGE_CASH = HEDGE_CASH.ordinal();
  private static final int C_HEDGE_VALUE = HEDGE_VALUE.ordinal();
  private static final int C_OPTION_PNL = OPTION_PNL.ordinal();
  private static final int C_HEDGE_PNL = HEDGE_PNL.ordinal();
  private static final int C_TOTAL_PNL = TOTAL_PNL.ordinal();
  private static final int C_DELTA_PNL = DELTA_PNL.ordinal();
  private static final int C_GAMMA_PNL = GAMMA_PNL.ordinal();
  private static final int C_THETA_PNL = THETA_PNL.ordinal();
  private static final int C_VEGA_PNL = VEGA_PNL.ordinal();
  private static final int C_CARRY_PNL = CARRY_PNL.ordinal();
  private static final int C_COST_PNL = COST_PNL.ordinal();
  private static final int C_RESIDUAL_PNL = RESIDUAL_PNL.ordinal();
  private final HedgePolicy policy;
  private final double rate;
  private final boolean useHalfSpread;
  /** The underlying's cash dividends, ex-dates on the path's clock; null when there are none. */
  private final CashDividends dividends;
  private final LegBook book;
  /** The hedge the ledger books: the rule's, or the user's fills. */
  private final HedgeAccount hedge;
  /** What the rule would have done, when the run books the user's fills; else null. */
  private HedgeAccount rule;

  private final LedgerRow row = new LedgerRow();
  private final double[] v = row.values;
  private final double[] extra = new double[BookColumn.values().length];

  // state
  private long events;
  private double firstTime;
  private double prevTime;
  private double prevSpot;
  private double prevVol;
  private double prevMark;
  private double prevOptDelta;
  private double prevGamma;
  private double prevTheta;
  private double optionCash;
  private double perUnit;
  private long userTrades;

  // cumulative attribution of the options (the hedge's delta and carry are in its account)
  private double gammaPnl;
  private double thetaPnl;
  private double vegaPnl;

  // summary accumulators
  private double initialValue;
  private double sumR;
  private double sumR2OverDt;
  private double sumDt;
  private double impliedVarTime;
  private double impliedTime;
  private double cashGammaTime;
  private double cashGammaVarTime;
  private double firstTheta;
  private double firstGamma;

  LedgerRun(OptionPricer pricer, Position position, HedgePolicy policy, Marking marking) {
    this.policy = policy;
    this.rate = policy.rate();
    this.useHalfSpread = policy.useHalfSpread();
    this.dividends = policy.dividends().isEmpty() ? null : policy.dividends();
    this.book = new LegBook(pricer, position, policy, marking);
    this.hedge = new HedgeAccount(policy);
  }

  /** One event of the path; see {@link Observation} for the arguments (NaN = missing vol mark / no quote). */
  public LedgerRow step(Observation o) {
    return step(o.time(), o.spot(), o.vol(), o.bid(), o.ask(), Double.NaN, Double.NaN);
  }

  /**
   * Processes one event, the policy's rule doing the hedging, and returns its row (a view overwritten
   * by the next call).
   *
   * @param time years on the observations' clock, strictly after the previous event
   * @param spot the underlying price &gt; 0
   * @param volMark the implied vol mark &gt; 0 (the at-the-money vol of a book on a smile), or NaN to
   *     carry the last one forward
   * @param bid the hedge instrument's bid, or NaN
   * @param ask the hedge instrument's ask, or NaN
   */
  public LedgerRow step(double time, double spot, double volMark, double bid, double ask) {
    return step(time, spot, volMark, bid, ask, Double.NaN, Double.NaN);
  }

  /**
   * Processes one event booking the user's own hedge fill instead of the rule's trade, and returns its
   * row. Whether a run books fills is fixed by its first event: a number there (0 included) makes
   * every later event's {@code fill} the quantity actually traded (NaN = none), while a second hedge
   * account follows the rule over the same events ({@link BookColumn} RULE_ columns,
   * {@link #ruleSummary()}); NaN at the first event lets the rule trade throughout.
   *
   * @param fill instrument units bought (+) or sold (−) at this event, or NaN
   * @param fillPrice the fill's price, or NaN to trade at the mark ± the quoted half-spread and
   *     slippage as the rule would; fees are charged either way
   */
  public LedgerRow step(double time, double spot, double volMark, double bid, double ask, double fill,
      double fillPrice) {
    if (events == 0) {
      return first(time, spot, volMark, bid, ask, fill, fillPrice);
    }
    long n = events + 1;
    validate(n, time, spot, volMark, bid, ask, fill, fillPrice);
    double vol = volMark != volMark ? prevMark : volMark;
    double dt = time - prevTime;
    double growth = rate == 0 ? 0 : expm1(rate * dt);
    double optionFinancing = accrue(growth, dt, time, spot);
    double dividend = dividends == null ? 0 : dividends.paidIn(prevTime, time);
    if (dividend != 0) {
      receiveDividends(dividend);
    }
    book.value(n, time, spot, vol, spot - prevSpot, dt, prevSpot);
    optionCash += book.settlement;
    attribute(dt, spot + dividend, vol, optionFinancing);
    double neutral = hedge(book.live() == 0, time, spot, bid, ask, fill, fillPrice);
    return close(time, spot, vol, neutral);
  }

  /**
   * The first event, out of {@link #step}'s line: every input checked, the run's fills mode and smile fixed, the
   * legs valued and paid for (nothing accrues or is attributed yet), the hedge put on whatever the rule.
   */
  private LedgerRow first(double time, double spot, double vol, double bid, double ask, double fill,
      double fillPrice) {
    check(1, time, spot, vol, bid, ask, fill, fillPrice);
    rule = Double.isNaN(fill) ? null : new HedgeAccount(policy);
    book.fixSmile(time, spot, vol);
    book.value(1, time, spot, vol, 0, 0, prevSpot);
    optionCash += book.settlement;
    open();
    double neutral = hedge(true, time, spot, bid, ask, fill, fillPrice);
    firstTime = time;
    return close(time, spot, vol, neutral);
  }

  /** Step 5 and the state the next event reads: the row written, this event's spot, vol and greeks kept. */
  private LedgerRow close(double time, double spot, double vol, double neutral) {
    writeRow(time, spot, vol, neutral);
    events++;
    prevTime = time;
    prevSpot = spot;
    prevVol = vol;
    prevMark = vol;
    prevOptDelta = book.delta;
    prevGamma = book.gamma;
    prevTheta = book.theta;
    hedge.prevHedgeDelta = hedge.qty * perUnit;
    if (rule != null) {
      rule.prevHedgeDelta = rule.qty * perUnit;
    }
    return row;
  }

  /**
   * Step 1: interest on the cash and the financed premium since the previous event ({@code growth} =
   * e^{rΔt} − 1), and the hedge's carry (each leg's own premium accrues in closed form, see LegBook).
   */
  private double accrue(double growth, double dt, double time, double spot) {
    hedge.accrue(growth, dt, prevTime, time, prevSpot, spot);
    if (rule != null) {
      rule.accrue(growth, dt, prevTime, time, prevSpot, spot);
    }
    double optionFinancing = optionCash * growth;
    optionCash += optionFinancing;
    return optionFinancing;
  }

  /** Step 1b: the cash dividends of the step's ex-dates (per unit of underlying) on the hedge held over it. */
  private void receiveDividends(double dividend) {
    hedge.receiveDividends(dividend);
    if (rule != null) {
      rule.receiveDividends(dividend);
    }
  }

  /** At the first event: the premium paid, financed from here on. */
  private void open() {
    initialValue = book.value;
    optionCash = -book.value;
    firstTheta = book.theta;
    firstGamma = book.gamma;
    book.open();
  }

  /**
   * Step 3: the step's P&amp;L attributed with the previous event's greeks, and the realized-vol sums. {@code spot}
   * is cum-dividend: this event's spot plus the cash dividends of ex-dates inside the step (the stock's total
   * return, which the hedge receives as spot move plus cash, and the move the options' escrowed values follow).
   */
  private void attribute(double dt, double spot, double vol, double optionFinancing) {
    double dS = spot - prevSpot;
    hedge.deltaPnl += (prevOptDelta + hedge.prevHedgeDelta) * dS;
    hedge.carryPnl += hedge.financing + optionFinancing + hedge.hedgeCarry;
    if (rule != null) {
      rule.deltaPnl += (prevOptDelta + rule.prevHedgeDelta) * dS;
      rule.carryPnl += rule.financing + optionFinancing + rule.hedgeCarry;
    }
    gammaPnl += 0.5 * prevGamma * dS * dS;
    thetaPnl += prevTheta * dt;
    vegaPnl += book.vegaStep;
    if (prevGamma != 0) {
      double cashGamma = 0.5 * prevGamma * prevSpot * prevSpot * dt;
      cashGammaTime += cashGamma;
      cashGammaVarTime += book.cashGammaVariance;
      impliedVarTime += prevVol * prevVol * dt;
      impliedTime += dt;
    }
    double r = logReturn(spot, prevSpot);
    sumR += r;
    sumR2OverDt += r * r / dt;
    sumDt += dt;
  }

  /**
   * Step 4: the rule's target (or the user's fill) and its execution with costs; returns the
   * delta-neutral quantity of this event.
   */
  private double hedge(boolean forced, double time, double spot, double bid, double ask, double fill,
      double fillPrice) {
    double yearsToDelivery = hedge.yearsToDelivery(time);
    perUnit = hedge.deltaPerUnit(spot, yearsToDelivery);
    double neutral = hedge.neutral(book.hedgeDelta, perUnit);
    double halfSpread = useHalfSpread && bid == bid ? (ask - bid) / (ask + bid) : 0;
    HedgeAccount byRule = rule == null ? hedge : rule;
    double target = byRule.ruleTarget(forced, time, spot, book.hedgeDelta, perUnit, neutral, halfSpread,
        book.yearsLeft, book.gamma);
    byRule.execute(target, spot, yearsToDelivery, halfSpread, Double.NaN);
    if (rule != null) {
      double traded = fill == fill ? fill : 0;
      if (traded != 0) {
        userTrades++;
      }
      hedge.execute(hedge.qty + traded, spot, yearsToDelivery, halfSpread, fillPrice);
    }
    return neutral;
  }

  /** Step 5: the row of this event, and the book's extra columns (in parts small enough to compile into step). */
  private void writeRow(double time, double spot, double vol, double neutral) {
    double hedgeValue = hedge.value(spot);
    double optionPnl = book.value + optionCash;
    writeOptions(time, spot, vol, neutral);
    writeHedge(hedgeValue);
    writePnl(optionPnl, hedge.cash + hedgeValue);
    writeBook(spot, optionPnl);
  }

  /** Step 5, the options' columns and the target. */
  private void writeOptions(double time, double spot, double vol, double neutral) {
    v[C_TIME] = time;
    v[C_SPOT] = spot;
    v[C_YEARS_LEFT] = book.yearsLeft;
    v[C_VOL] = vol;
    v[C_OPTION_VALUE] = book.value;
    v[C_DELTA] = book.delta;
    v[C_GAMMA] = book.gamma;
    v[C_VEGA] = book.vega;
    v[C_THETA] = book.theta;
    v[C_TARGET_HEDGE] = neutral;
    v[C_SETTLEMENT] = book.settlement;
  }

  /** Step 5, the hedge's columns. */
  private void writeHedge(double hedgeValue) {
    v[C_HEDGE_POSITION] = hedge.qty;
    v[C_TRADE_QTY] = hedge.trade;
    v[C_TRADE_PRICE] = hedge.tradePrice;
    v[C_TRADE_CASH] = hedge.tradeCash;
    v[C_FEES] = hedge.fees;
    v[C_SLIPPAGE] = hedge.slippage;
    v[C_FINANCING] = hedge.financing;
    v[C_HEDGE_CASH] = hedge.cash;
    v[C_HEDGE_VALUE] = hedgeValue;
  }

  /** Step 5, the P&amp;L and its attribution. */
  private void writePnl(double optionPnl, double hedgePnl) {
    double total = optionPnl + hedgePnl;
    v[C_OPTION_PNL] = optionPnl;
    v[C_HEDGE_PNL] = hedgePnl;
    v[C_TOTAL_PNL] = total;
    v[C_DELTA_PNL] = hedge.deltaPnl;
    v[C_GAMMA_PNL] = gammaPnl;
    v[C_THETA_PNL] = thetaPnl;
    v[C_VEGA_PNL] = vegaPnl;
    v[C_CARRY_PNL] = hedge.carryPnl;
    v[C_COST_PNL] = hedge.costPnl;
    v[C_RESIDUAL_PNL] = total
        - (hedge.deltaPnl + gammaPnl + thetaPnl + vegaPnl + hedge.carryPnl + hedge.costPnl);
  }

  /** Step 5b: the book's extra columns. */
  private void writeBook(double spot, double optionPnl) {
    HedgeAccount byRule = rule == null ? hedge : rule;
    extra[BookColumn.HEDGE_DELTA.ordinal()] = book.hedgeDelta;
    extra[BookColumn.RULE_HEDGE_POSITION.ordinal()] = byRule.qty;
    extra[BookColumn.RULE_TRADE_QTY.ordinal()] = byRule.trade;
    extra[BookColumn.RULE_TOTAL_PNL.ordinal()] = optionPnl + byRule.cash + byRule.value(spot);
  }

  /**
   * The checks of {@link #check} in a few comparisons for the common event after the first (finite numbers in
   * range, no fill), small enough to be compiled into {@link #step}; anything else takes {@link #check}.
   */
  private void validate(long n, double time, double spot, double volMark, double bid, double ask, double fill,
      double fillPrice) {
    boolean plain = time > prevTime && time < Double.POSITIVE_INFINITY
        && spot > 0 && spot < Double.POSITIVE_INFINITY
        && (volMark != volMark || volMark > 0 && volMark < Double.POSITIVE_INFINITY)
        && (bid != bid && ask != ask || bid > 0 && ask >= bid && ask < Double.POSITIVE_INFINITY)
        && fill != fill && fillPrice != fillPrice;
    if (!plain) {
      check(n, time, spot, volMark, bid, ask, fill, fillPrice);
    }
  }

  /** Every check of an event's inputs, naming the row and field of the first that fails. */
  private void check(long n, double time, double spot, double volMark, double bid, double ask, double fill,
      double fillPrice) {
    if (!Double.isFinite(time)) {
      throw InvalidInputException.domain(field(n, "time"), "must be a finite number, was " + time);
    }
    if (n > 1 && !(time > prevTime)) {
      throw InvalidInputException.domain(field(n, "time"), (time == prevTime ? "duplicate" : "unsorted")
          + " timestamp " + time + " (previous row " + prevTime + "); times must be strictly increasing");
    }
    if (n == 1) {
      for (int i = 0; i < book.n; i++) {
        if (!(book.expiry(i) > time)) {
          throw InvalidInputException.domain(field(n, "time"), "the path starts at " + time
              + ", on or after the expiry " + book.expiry(i) + " of leg " + (i + 1));
        }
      }
      if (Double.isNaN(volMark)) {
        throw InvalidInputException.notAvailable(field(n, "vol"), "missing on the first row: no mark to carry forward");
      }
    }
    if (!(spot > 0) || spot == Double.POSITIVE_INFINITY) {
      throw InvalidInputException.domain(field(n, "spot"), "must be a finite number > 0, was " + spot);
    }
    if (!Double.isNaN(volMark) && (!(volMark > 0) || volMark == Double.POSITIVE_INFINITY)) {
      throw InvalidInputException.domain(field(n, "vol"), "must be a finite number > 0 (or empty to carry the last"
          + " mark forward), was " + volMark);
    }
    boolean hasBid = !Double.isNaN(bid);
    boolean hasAsk = !Double.isNaN(ask);
    if (hasBid != hasAsk) {
      throw InvalidInputException.notAvailable(field(n, hasBid ? "ask" : "bid"), "a quote needs both bid and ask");
    }
    if (hasBid) {
      if (!(bid > 0) || bid == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.domain(field(n, "bid"), "must be a finite number > 0, was " + bid);
      }
      if (!(ask >= bid) || ask == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.domain(field(n, "ask"), "must be finite and >= bid " + bid + ", was " + ask);
      }
    }
    if (!Double.isNaN(fill)) {
      if (!Double.isFinite(fill)) {
        throw InvalidInputException.domain(field(n, "fill"), "must be a finite quantity, was " + fill);
      }
      if (n > 1 && rule == null) {
        throw InvalidInputException.type(field(n, "fill"), "the run lets the rule hedge (the first row had no"
            + " fill); to book your own fills give one on the first row (0 for none)");
      }
    }
    if (!Double.isNaN(fillPrice) && (!(fillPrice > 0) || fillPrice == Double.POSITIVE_INFINITY)) {
      throw InvalidInputException.domain(field(n, "fill price"), "must be a finite number > 0, was " + fillPrice);
    }
  }

  private static String field(long row, String name) {
    return "row " + row + ": " + name;
  }

  /** The last event's row (the view {@link #step} returned). */
  public LedgerRow row() {
    return row;
  }

  /** Number of events processed so far. */
  public long events() {
    return events;
  }

  /** Number of legs of the book. */
  public int legs() {
    return book.n;
  }

  /** The leg {@code leg} (0-based, in the position's order). */
  public OptionLeg leg(int leg) {
    return book.leg(leg);
  }

  /** One value of leg {@code leg} (0-based) at the last event; units as documented on {@link LegColumn}. */
  public double leg(int leg, LegColumn column) {
    return book.get(leg, column);
  }

  /** One of the book's extra columns at the last event. */
  public double book(BookColumn column) {
    return extra[column.ordinal()];
  }

  /** Whether this run books the user's fills (decided by the first event). */
  public boolean booksUserFills() {
    return rule != null;
  }

  /** Events at which a non-zero user fill was booked. */
  public long userTrades() {
    return userTrades;
  }

  /** Calls of the pricer under {@link Revaluation#REUSE} so far (0 under EVERY_EVENT). */
  public long revaluations() {
    return book.revaluations();
  }

  /**
   * The summary of the events processed so far.
   *
   * @throws InvalidInputException NOT_AVAILABLE when no event has been processed
   */
  public LedgerSummary summary() {
    return summary(hedge, v[C_OPTION_PNL] + v[C_HEDGE_PNL]);
  }

  /**
   * The summary had the policy's rule done the hedging over the same events: the same options, the
   * rule's trades, costs and carry. Equal to {@link #summary()} unless the run books the user's fills.
   */
  public LedgerSummary ruleSummary() {
    if (rule == null) {
      return summary();
    }
    return summary(rule, v[C_OPTION_PNL] + rule.cash + rule.value(prevSpot));
  }

  /** Leg {@code leg}'s (0-based) own summary: its premium, P&amp;L and attribution. */
  public LegSummary legSummary(int leg) {
    if (events == 0) {
      throw InvalidInputException.notAvailable("path", "no observations");
    }
    return book.summary(leg, realizedVol(), meanPeriod());
  }

  private double realizedVol() {
    long steps = events - 1;
    if (steps < 2) {
      return Double.NaN;
    }
    double mu = sumR / sumDt;
    double ss = sumR2OverDt - mu * sumR;
    return Math.sqrt(Math.max(ss, 0) / (steps - 1));
  }

  private double meanPeriod() {
    long steps = events - 1;
    return steps > 0 ? (prevTime - firstTime) / steps : Double.NaN;
  }

  private LedgerSummary summary(HedgeAccount account, double total) {
    if (events == 0) {
      throw InvalidInputException.notAvailable("path", "no observations");
    }
    double[] s = new double[SummaryItem.values().length];
    double realized = realizedVol();
    double meanPeriod = meanPeriod();
    double optionPnl = v[C_OPTION_PNL];
    s[SummaryItem.EVENTS.ordinal()] = events;
    s[SummaryItem.YEARS.ordinal()] = prevTime - firstTime;
    s[SummaryItem.INITIAL_OPTION_VALUE.ordinal()] = initialValue;
    s[SummaryItem.TOTAL_PNL.ordinal()] = account == hedge ? v[C_TOTAL_PNL] : total;
    s[SummaryItem.OPTION_PNL.ordinal()] = optionPnl;
    s[SummaryItem.HEDGE_PNL.ordinal()] = account == hedge ? v[C_HEDGE_PNL] : total - optionPnl;
    s[SummaryItem.DELTA_PNL.ordinal()] = account.deltaPnl;
    s[SummaryItem.GAMMA_PNL.ordinal()] = gammaPnl;
    s[SummaryItem.THETA_PNL.ordinal()] = thetaPnl;
    s[SummaryItem.VEGA_PNL.ordinal()] = vegaPnl;
    s[SummaryItem.CARRY_PNL.ordinal()] = account.carryPnl;
    s[SummaryItem.COST_PNL.ordinal()] = account.costPnl;
    s[SummaryItem.RESIDUAL_PNL.ordinal()] = account == hedge ? v[C_RESIDUAL_PNL]
        : total - (account.deltaPnl + gammaPnl + thetaPnl + vegaPnl + account.carryPnl + account.costPnl);
    s[SummaryItem.HEDGE_COUNT.ordinal()] = account.hedges;
    s[SummaryItem.TURNOVER.ordinal()] = account.turnover;
    s[SummaryItem.TURNOVER_NOTIONAL.ordinal()] = account.turnoverNotional;
    s[SummaryItem.FEES.ordinal()] = account.feesTotal;
    s[SummaryItem.SLIPPAGE.ordinal()] = account.slippageTotal;
    s[SummaryItem.FINANCING.ordinal()] = account.financingTotal;
    s[SummaryItem.REALIZED_VOL.ordinal()] = realized;
    s[SummaryItem.IMPLIED_VOL.ordinal()] = impliedTime > 0 ? Math.sqrt(impliedVarTime / impliedTime) : prevMark;
    s[SummaryItem.EXPECTED_PNL.ordinal()] = realized == realized
        ? cashGammaTime * realized * realized - cashGammaVarTime : Double.NaN;
    s[SummaryItem.MEAN_PERIOD.ordinal()] = meanPeriod;
    s[SummaryItem.DIVIDENDS.ordinal()] = account.dividendsTotal;
    s[SummaryItem.BREAKEVEN_MOVE.ordinal()] = firstGamma != 0 && meanPeriod == meanPeriod
        ? Math.sqrt(2 * Math.abs(firstTheta) * meanPeriod / Math.abs(firstGamma)) : Double.NaN;
    return new LedgerSummary(s);
  }

  /**
   * The log return ln(S/S₀) to within 3 ulps of its exact value (LedgerRunTest, against 40-digit arithmetic). For the small moves between events
   * (|S − S₀| ≤ 2^-7·(S + S₀), a move under 1.5 %) as 2·atanh(u) = 2u·(1 + u²/3 + u⁴/5 + u⁶/7), u = (S − S₀)/(S + S₀),
   * whose truncation error is below 2^-59 relative and whose u is formed with two roundings (S − S₀ is exact
   * there); elsewhere the pricers' ln(F/K) ({@link ImpliedVolatility#logMoneyness}). Math.log(S/S₀) itself would be off by up to half an ulp of 1
   * in S/S₀, i.e. ~1e-16 absolute, which is ~4e-13 relative for a one-minute return of 3e-4.
   */
  static double logReturn(double spot, double prevSpot) {
    double sum = spot + prevSpot;
    double u = (spot - prevSpot) / sum;
    if (Math.abs(u) <= 0x1.0p-7) {
      double u2 = u * u;
      return 2 * u * (1 + u2 * (1.0 / 3 + u2 * (0.2 + u2 * (1.0 / 7))));
    }
    return ImpliedVolatility.logMoneyness(spot, prevSpot);
  }

  /**
   * e^x − 1 to within 2 ulps for the short accrual periods of a path: a third-order series where
   * its truncation error is below 1e-17 relative (|x| ≤ 2^-20), Kahan's (u − 1)·x / ln u with
   * u = e^x elsewhere. Two intrinsics instead of {@link Math#expm1}, which on JDK 17 is slow StrictMath code.
   */
  static double expm1(double x) {
    if (Math.abs(x) <= 0x1.0p-20) {
      return x + x * x * (0.5 + x * (1.0 / 6));
    }
    double u = Math.exp(x);
    if (u == Double.POSITIVE_INFINITY || u == 0) {
      return u - 1;
    }
    return (u - 1) * x / Math.log(u);
  }
}
