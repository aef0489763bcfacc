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
import org.gammaxl.hedge.DeltaHedge;
import org.gammaxl.hedge.HedgeBands;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * One run of a {@link HedgeLedger}, fed one event at a time with {@link #step}; the streaming core
 * of the engine. Mutable, not thread-safe; O(legs) memory; no allocation per event beyond what the
 * pricer's {@code greeks} call makes. The returned row is a view overwritten by the next step.
 */
public final class LedgerRun {
  /** Tolerance on the TIME rule's interval, years (≈ 0.03 s), against rounding of accumulated times. */
  private static final double TIME_EPS = 1e-9;

  private final OptionPricer pricer;
  private final HedgePolicy policy;
  private final HedgeInstrument instrument;
  private final RebalanceRule rule;
  private final boolean toEdge;
  private final double threshold;
  private final double rate;
  private final double yield;
  private final double carry;
  private final double contractSize;
  private final double futureExpiry;
  private final double hedgeVol;
  private final double lotSize;
  private final double baseCost;
  private final double fundingRate;

  // legs, as parallel primitive arrays
  private final int legCount;
  private final OptionType[] types;
  private final double[] strikes;
  private final double[] expiries;
  private final double[] units;
  private final boolean[] alive;
  private int liveLegs;

  private final LedgerRow row = new LedgerRow();
  private final double[] v = row.values;

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
  private double prevVega;
  private double prevHedgeDelta;
  private double qty;
  private double cash;
  private double optionCash;
  private double lastHedgeTime;
  private double lastHedgeSpot;

  // cumulative attribution
  private double deltaPnl;
  private double gammaPnl;
  private double thetaPnl;
  private double vegaPnl;
  private double carryPnl;
  private double costPnl;

  // summary accumulators
  private double initialValue;
  private long hedges;
  private double turnover;
  private double turnoverNotional;
  private double feesTotal;
  private double slippageTotal;
  private double financingTotal;
  private double sumR;
  private double sumR2OverDt;
  private double sumDt;
  private double impliedVarTime;
  private double impliedTime;
  private double cashGammaTime;
  private double cashGammaVarTime;
  private double firstTheta;
  private double firstGamma;

  LedgerRun(OptionPricer pricer, Position position, HedgePolicy policy) {
    this.pricer = pricer;
    this.policy = policy;
    this.instrument = policy.instrument();
    this.rule = policy.rule();
    this.toEdge = policy.target() == HedgeTarget.BAND_EDGE;
    this.threshold = policy.threshold();
    this.rate = policy.rate();
    this.yield = policy.yield();
    this.carry = rate - yield;
    this.contractSize = policy.contractSize();
    this.futureExpiry = policy.futureExpiry();
    this.hedgeVol = policy.hedgeVol();
    this.lotSize = policy.lotSize();
    this.baseCost = (policy.feeBps() + policy.slippageBps()) * 1e-4;
    this.fundingRate = policy.fundingRate();
    this.legCount = position.legs().size();
    this.types = new OptionType[legCount];
    this.strikes = new double[legCount];
    this.expiries = new double[legCount];
    this.units = new double[legCount];
    this.alive = new boolean[legCount];
    for (int i = 0; i < legCount; i++) {
      OptionLeg leg = position.legs().get(i);
      types[i] = leg.type();
      strikes[i] = leg.strike();
      expiries[i] = leg.expiry();
      units[i] = leg.units();
      alive[i] = true;
    }
    this.liveLegs = legCount;
  }

  /** One event of the path; see {@link Observation} for the arguments (NaN = missing vol mark / no quote). */
  public LedgerRow step(Observation o) {
    return step(o.time(), o.spot(), o.vol(), o.bid(), o.ask());
  }

  /**
   * Processes one event and returns its row (a view overwritten by the next call).
   *
   * @param time years on the observations' clock, strictly after the previous event
   * @param spot the underlying price &gt; 0
   * @param volMark the implied vol mark &gt; 0, or NaN to carry the last one forward
   * @param bid the hedge instrument's bid, or NaN
   * @param ask the hedge instrument's ask, or NaN
   */
  public LedgerRow step(double time, double spot, double volMark, double bid, double ask) {
    long n = events + 1;
    validate(n, time, spot, volMark, bid, ask);
    double vol = Double.isNaN(volMark) ? prevMark : volMark;
    boolean first = n == 1;
    double dt = first ? 0 : time - prevTime;

    // 1. carry since the previous event
    double financing = 0;
    double optionFinancing = 0;
    double hedgeCarry = 0;
    if (!first) {
      double growth = rate == 0 ? 0 : Math.expm1(rate * dt);
      financing = cash * growth;
      optionFinancing = optionCash * growth;
      cash += financing;
      optionCash += optionFinancing;
      double unitSize = qty * contractSize;
      if (unitSize != 0) {
        switch (instrument) {
          case SPOT:
            if (yield != 0) {
              double dividend = unitSize * prevSpot * Math.expm1(yield * dt);
              cash += dividend;
              hedgeCarry = dividend;
            }
            break;
          case FUTURE: {
            double before = Math.exp(carry * (futureExpiry - prevTime));
            double now = Math.exp(carry * (futureExpiry - time));
            cash += unitSize * (spot * now - prevSpot * before);
            hedgeCarry = unitSize * spot * (now - before);
            break;
          }
          case PERP: {
            cash += unitSize * (spot - prevSpot);
            double funding = -unitSize * prevSpot * fundingRate * dt;
            cash += funding;
            hedgeCarry = funding;
            break;
          }
          default: { // INVERSE
            cash += unitSize * (spot / prevSpot - 1);
            double funding = -unitSize * fundingRate * dt;
            cash += funding;
            hedgeCarry = funding;
            break;
          }
        }
      }
    }

    // 2. settle expired legs, value the live ones
    double settlement = 0;
    double value = 0;
    double delta = 0;
    double gamma = 0;
    double vega = 0;
    double theta = 0;
    double hedgeDelta = 0;
    double yearsLeft = Double.POSITIVE_INFINITY;
    for (int i = 0; i < legCount; i++) {
      if (!alive[i]) {
        continue;
      }
      double tau = expiries[i] - time;
      if (tau <= 0) {
        double payoff = units[i] * types[i].intrinsic(spot, strikes[i]);
        settlement += payoff;
        alive[i] = false;
        liveLegs--;
        continue;
      }
      yearsLeft = Math.min(yearsLeft, tau);
      Greeks g = pricer.greeks(types[i], spot, strikes[i], tau, vol, rate, yield);
      double u = units[i];
      value += u * g.price();
      delta += u * g.delta();
      gamma += u * g.gamma();
      vega += u * g.vega();
      theta += u * g.theta();
      if (hedgeVol == hedgeVol) {
        hedgeDelta += u * pricer.greek(Greek.DELTA, types[i], spot, strikes[i], tau, hedgeVol, rate, yield);
      }
    }
    if (hedgeVol != hedgeVol) {
      hedgeDelta = delta;
    }
    if (liveLegs == 0) {
      yearsLeft = 0;
    }
    optionCash += settlement;
    if (first) {
      initialValue = value;
      optionCash = -value;
      firstTheta = theta;
      firstGamma = gamma;
    }

    // 3. attribution of the step, with the previous event's greeks
    if (!first) {
      double dS = spot - prevSpot;
      deltaPnl += (prevOptDelta + prevHedgeDelta) * dS;
      gammaPnl += 0.5 * prevGamma * dS * dS;
      thetaPnl += prevTheta * dt;
      vegaPnl += prevVega * (vol - prevVol);
      carryPnl += financing + optionFinancing + hedgeCarry;
      double r = Math.log(spot / prevSpot);
      sumR += r;
      sumR2OverDt += r * r / dt;
      sumDt += dt;
      if (prevGamma != 0) {
        double cashGamma = 0.5 * prevGamma * prevSpot * prevSpot * dt;
        cashGammaTime += cashGamma;
        cashGammaVarTime += cashGamma * prevVol * prevVol;
        impliedVarTime += prevVol * prevVol * dt;
        impliedTime += dt;
      }
    }

    // 4. the rebalancing rule
    double yearsToDelivery = instrument == HedgeInstrument.FUTURE ? futureExpiry - time : 0;
    double perUnit = instrument.deltaPerUnit(spot, contractSize, rate, yield, yearsToDelivery);
    double neutral = DeltaHedge.roundToLot(-hedgeDelta / perUnit, lotSize);
    double halfSpread = policy.useHalfSpread() && bid == bid ? (ask - bid) / (ask + bid) : 0;
    double target = qty;
    boolean triggered = false;
    if (first || liveLegs == 0 || rule == RebalanceRule.EVERY) {
      target = neutral;
      triggered = true;
    } else {
      switch (rule) {
        case TIME:
          if (time - lastHedgeTime >= threshold - TIME_EPS) {
            target = neutral;
            triggered = true;
          }
          break;
        case MOVE:
          if (Math.abs(spot - lastHedgeSpot) >= threshold) {
            target = neutral;
            triggered = true;
          }
          break;
        case MOVE_PERCENT:
          if (Math.abs(spot / lastHedgeSpot - 1) >= threshold) {
            target = neutral;
            triggered = true;
          }
          break;
        case DELTA:
          target = band(hedgeDelta, perUnit, threshold);
          triggered = target != qty;
          break;
        default: { // WW
          double costFraction = baseCost + halfSpread;
          double h = HedgeBands.whalleyWilmott(rate, yearsLeft, costFraction, spot, gamma, threshold);
          target = band(hedgeDelta, perUnit, h);
          triggered = target != qty;
          break;
        }
      }
    }
    if (triggered) {
      lastHedgeTime = time;
      lastHedgeSpot = spot;
    }

    // 5. execute
    double trade = target - qty;
    double tradePrice = Double.NaN;
    double tradeCash = 0;
    double fees = 0;
    double slippage = 0;
    if (trade != 0) {
      double mark = instrument.markPrice(spot, rate, yield, yearsToDelivery);
      double side = trade > 0 ? 1 : -1;
      tradePrice = mark * (1 + side * halfSpread) * (1 + side * policy.slippageBps() * 1e-4);
      double size = trade * contractSize;
      double notionalPerUnit;
      switch (instrument) {
        case SPOT:
          tradeCash = -size * tradePrice;
          slippage = size * (tradePrice - mark);
          notionalPerUnit = contractSize * tradePrice;
          break;
        case INVERSE:
          tradeCash = size * (mark / tradePrice - 1);
          slippage = -tradeCash;
          notionalPerUnit = contractSize;
          break;
        default:
          tradeCash = -size * (tradePrice - mark);
          slippage = -tradeCash;
          notionalPerUnit = contractSize * tradePrice;
          break;
      }
      double absTrade = Math.abs(trade);
      fees = absTrade * (notionalPerUnit * policy.feeBps() * 1e-4 + policy.feePerContract());
      cash += tradeCash - fees;
      qty = target;
      hedges++;
      turnover += absTrade;
      turnoverNotional += absTrade * notionalPerUnit;
      feesTotal += fees;
      slippageTotal += slippage;
      costPnl -= fees + slippage;
    }
    financingTotal += financing;

    // 6. the row
    double hedgeValue = instrument == HedgeInstrument.SPOT ? qty * contractSize * spot : 0;
    double optionPnl = value + optionCash;
    double hedgePnl = cash + hedgeValue;
    double total = optionPnl + hedgePnl;
    v[TIME.ordinal()] = time;
    v[SPOT.ordinal()] = spot;
    v[YEARS_LEFT.ordinal()] = yearsLeft;
    v[VOL.ordinal()] = vol;
    v[OPTION_VALUE.ordinal()] = value;
    v[DELTA.ordinal()] = delta;
    v[GAMMA.ordinal()] = gamma;
    v[VEGA.ordinal()] = vega;
    v[THETA.ordinal()] = theta;
    v[TARGET_HEDGE.ordinal()] = neutral;
    v[HEDGE_POSITION.ordinal()] = qty;
    v[TRADE_QTY.ordinal()] = trade;
    v[TRADE_PRICE.ordinal()] = tradePrice;
    v[TRADE_CASH.ordinal()] = tradeCash;
    v[FEES.ordinal()] = fees;
    v[SLIPPAGE.ordinal()] = slippage;
    v[FINANCING.ordinal()] = financing;
    v[SETTLEMENT.ordinal()] = settlement;
    v[HEDGE_CASH.ordinal()] = cash;
    v[HEDGE_VALUE.ordinal()] = hedgeValue;
    v[OPTION_PNL.ordinal()] = optionPnl;
    v[HEDGE_PNL.ordinal()] = hedgePnl;
    v[TOTAL_PNL.ordinal()] = total;
    v[DELTA_PNL.ordinal()] = deltaPnl;
    v[GAMMA_PNL.ordinal()] = gammaPnl;
    v[THETA_PNL.ordinal()] = thetaPnl;
    v[VEGA_PNL.ordinal()] = vegaPnl;
    v[CARRY_PNL.ordinal()] = carryPnl;
    v[COST_PNL.ordinal()] = costPnl;
    v[RESIDUAL_PNL.ordinal()] = total - (deltaPnl + gammaPnl + thetaPnl + vegaPnl + carryPnl + costPnl);

    // 7. remember for the next step
    events = n;
    if (first) {
      firstTime = time;
    }
    prevTime = time;
    prevSpot = spot;
    prevVol = vol;
    prevMark = vol;
    prevOptDelta = delta;
    prevGamma = gamma;
    prevTheta = theta;
    prevVega = vega;
    prevHedgeDelta = qty * perUnit;
    return row;
  }

  /** Target quantity for a band rule: unchanged inside ±width, else to neutral or to the band edge. */
  private double band(double optionDelta, double perUnit, double width) {
    double net = optionDelta + qty * perUnit;
    if (Math.abs(net) <= width) {
      return qty;
    }
    double hedgeDeltaTarget = -optionDelta + (toEdge ? Math.copySign(width, net) : 0);
    return DeltaHedge.roundToLot(hedgeDeltaTarget / perUnit, lotSize);
  }

  private void validate(long n, double time, double spot, double volMark, double bid, double ask) {
    if (!Double.isFinite(time)) {
      throw InvalidInputException.domain(field(n, "time"), "must be a finite number, was " + time);
    }
    if (n > 1 && !(time > prevTime)) {
      throw InvalidInputException.domain(field(n, "time"), (time == prevTime ? "duplicate" : "unsorted")
          + " timestamp " + time + " (previous row " + prevTime + "); times must be strictly increasing");
    }
    if (n == 1) {
      for (int i = 0; i < legCount; i++) {
        if (!(expiries[i] > time)) {
          throw InvalidInputException.domain(field(n, "time"), "the path starts at " + time
              + ", on or after the expiry " + expiries[i] + " of leg " + (i + 1));
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
  }

  private static String field(long row, String name) {
    return "row " + row + ": " + name;
  }

  /** Number of events processed so far. */
  public long events() {
    return events;
  }

  /**
   * The summary of the events processed so far.
   *
   * @throws InvalidInputException NOT_AVAILABLE when no event has been processed
   */
  public LedgerSummary summary() {
    if (events == 0) {
      throw InvalidInputException.notAvailable("path", "no observations");
    }
    double[] s = new double[SummaryItem.values().length];
    double years = prevTime - firstTime;
    long steps = events - 1;
    double realized = Double.NaN;
    if (steps >= 2) {
      double mu = sumR / sumDt;
      double ss = sumR2OverDt - mu * sumR;
      realized = Math.sqrt(Math.max(ss, 0) / (steps - 1));
    }
    double meanPeriod = steps > 0 ? years / steps : Double.NaN;
    s[SummaryItem.EVENTS.ordinal()] = events;
    s[SummaryItem.YEARS.ordinal()] = years;
    s[SummaryItem.INITIAL_OPTION_VALUE.ordinal()] = initialValue;
    s[SummaryItem.TOTAL_PNL.ordinal()] = v[TOTAL_PNL.ordinal()];
    s[SummaryItem.OPTION_PNL.ordinal()] = v[OPTION_PNL.ordinal()];
    s[SummaryItem.HEDGE_PNL.ordinal()] = v[HEDGE_PNL.ordinal()];
    s[SummaryItem.DELTA_PNL.ordinal()] = deltaPnl;
    s[SummaryItem.GAMMA_PNL.ordinal()] = gammaPnl;
    s[SummaryItem.THETA_PNL.ordinal()] = thetaPnl;
    s[SummaryItem.VEGA_PNL.ordinal()] = vegaPnl;
    s[SummaryItem.CARRY_PNL.ordinal()] = carryPnl;
    s[SummaryItem.COST_PNL.ordinal()] = costPnl;
    s[SummaryItem.RESIDUAL_PNL.ordinal()] = v[RESIDUAL_PNL.ordinal()];
    s[SummaryItem.HEDGE_COUNT.ordinal()] = hedges;
    s[SummaryItem.TURNOVER.ordinal()] = turnover;
    s[SummaryItem.TURNOVER_NOTIONAL.ordinal()] = turnoverNotional;
    s[SummaryItem.FEES.ordinal()] = feesTotal;
    s[SummaryItem.SLIPPAGE.ordinal()] = slippageTotal;
    s[SummaryItem.FINANCING.ordinal()] = financingTotal;
    s[SummaryItem.REALIZED_VOL.ordinal()] = realized;
    s[SummaryItem.IMPLIED_VOL.ordinal()] = impliedTime > 0 ? Math.sqrt(impliedVarTime / impliedTime) : prevMark;
    s[SummaryItem.EXPECTED_PNL.ordinal()] = realized == realized
        ? cashGammaTime * realized * realized - cashGammaVarTime : Double.NaN;
    s[SummaryItem.MEAN_PERIOD.ordinal()] = meanPeriod;
    s[SummaryItem.BREAKEVEN_MOVE.ordinal()] = firstGamma != 0 && meanPeriod == meanPeriod
        ? Math.sqrt(2 * Math.abs(firstTheta) * meanPeriod / Math.abs(firstGamma)) : Double.NaN;
    return new LedgerSummary(s);
  }
}
