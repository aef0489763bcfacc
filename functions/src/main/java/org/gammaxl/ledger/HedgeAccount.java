package org.gammaxl.ledger;

import org.gammaxl.hedge.DeltaHedge;
import org.gammaxl.hedge.HedgeBands;
import org.gammaxl.hedge.HedgeInstrument;

/**
 * The hedge side of one {@link LedgerRun}: the instrument position, its cash, its carry and its trades
 * with their costs, by the rules of the {@link HedgePolicy}. A run has one (the hedge it books) and,
 * when it books the user's own fills, a second that follows the policy's rule over the same events —
 * what the rule would have done. Mutable; the per-event fields hold the last event's values.
 */
final class HedgeAccount {
  /** Tolerance on the TIME rule's interval, years (≈ 0.03 s), against rounding of accumulated times. */
  private static final double TIME_EPS = 1e-9;

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
  private final double lotSize;
  private final double baseCost;
  private final double fundingRate;
  /** SPOT, the common case, tested once per call instead of an enum switch. */
  private final boolean spotHedge;
  private final double slippage1e4;
  private final double feeBps;
  private final double feePerContract;

  // state
  double qty;
  double cash;
  private double lastHedgeTime;
  private double lastHedgeSpot;

  // this event
  double financing;
  double hedgeCarry;
  double trade;
  double tradePrice;
  double tradeCash;
  double fees;
  double slippage;

  // the book's attribution when this account hedges it
  double deltaPnl;
  double carryPnl;
  /** The hedge's delta after the previous event's trade, units of underlying. */
  double prevHedgeDelta;

  // totals
  long hedges;
  double turnover;
  double turnoverNotional;
  double feesTotal;
  double slippageTotal;
  double financingTotal;
  /** Σ cash dividends received (+) or paid (−, short) by the hedge's stock. */
  double dividendsTotal;
  double costPnl;

  HedgeAccount(HedgePolicy policy) {
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
    this.lotSize = policy.lotSize();
    this.baseCost = (policy.feeBps() + policy.slippageBps()) * 1e-4;
    this.fundingRate = policy.fundingRate();
    this.spotHedge = instrument == HedgeInstrument.SPOT;
    this.slippage1e4 = policy.slippageBps() * 1e-4;
    this.feeBps = policy.feeBps();
    this.feePerContract = policy.feePerContract();
  }

  /**
   * Interest on the cash over the step (growth = e^{rΔt} − 1), then the instrument's own carry:
   * a SPOT hedge's dividends, a FUTURE's variation margin, a PERP's or INVERSE's margin and funding.
   */
  void accrue(double growth, double dt, double prevTime, double time, double prevSpot, double spot) {
    financing = cash * growth;
    cash += financing;
    hedgeCarry = 0;
    double unitSize = qty * contractSize;
    if (unitSize == 0) {
      return;
    }
    if (spotHedge) {
      if (yield != 0) {
        double dividend = unitSize * prevSpot * LedgerRun.expm1(yield * dt);
        cash += dividend;
        hedgeCarry = dividend;
      }
      return;
    }
    accrueMargined(unitSize, dt, prevTime, time, prevSpot, spot);
  }

  /** {@link #accrue}'s carry of the margined instruments (FUTURE, PERP, INVERSE), {@code unitSize} = q × contract size. */
  private void accrueMargined(double unitSize, double dt, double prevTime, double time, double prevSpot, double spot) {
    switch (instrument) {
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

  /**
   * The cash dividends of a step on the SPOT hedge held over it: q × contract size × {@code amount}, the sum of the
   * step's ex-dates' amounts per unit of underlying, into the cash.
   */
  void receiveDividends(double amount) {
    double paid = qty * contractSize * amount;
    cash += paid;
    dividendsTotal += paid;
  }

  /** Years to the hedge future's delivery at {@code time}, 0 for other instruments. */
  double yearsToDelivery(double time) {
    return instrument == HedgeInstrument.FUTURE ? futureExpiry - time : 0;
  }

  /** Delta of one instrument unit, units of underlying. */
  double deltaPerUnit(double spot, double yearsToDelivery) {
    return spotHedge ? contractSize : instrument.deltaPerUnit(spot, contractSize, rate, yield, yearsToDelivery);
  }

  /** The delta-neutral quantity for an option delta, lot-rounded. */
  double neutral(double optionDelta, double perUnit) {
    return DeltaHedge.roundToLot(perUnit == 1 ? -optionDelta : -optionDelta / perUnit, lotSize); // x/1 is x
  }

  /**
   * The quantity the {@link RebalanceRule} holds after this event; {@code forced} (the first event,
   * every leg expired) trades to {@code neutral} whatever the rule.
   */
  double ruleTarget(boolean forced, double time, double spot, double optionDelta, double perUnit, double neutral,
      double halfSpread, double yearsLeft, double gamma) {
    double target = qty;
    boolean triggered = false;
    if (forced || rule == RebalanceRule.EVERY) {
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
          target = band(optionDelta, perUnit, threshold);
          triggered = target != qty;
          break;
        default: { // WW
          double costFraction = baseCost + halfSpread;
          double h = HedgeBands.whalleyWilmott(rate, yearsLeft, costFraction, spot, gamma, threshold);
          target = band(optionDelta, perUnit, h);
          triggered = target != qty;
          break;
        }
      }
    }
    if (triggered) {
      markHedged(time, spot);
    }
    return target;
  }

  /** Records a rebalance at this event for the TIME and MOVE rules. */
  private void markHedged(double time, double spot) {
    lastHedgeTime = time;
    lastHedgeSpot = spot;
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

  /**
   * Trades to {@code target} at the mark ± the half-spread and slippage, or at {@code fillPrice} when it
   * is a number (a user's fill), paying fees; the difference to the mark is the slippage.
   */
  void execute(double target, double spot, double yearsToDelivery, double halfSpread, double fillPrice) {
    trade = target - qty;
    tradePrice = Double.NaN;
    tradeCash = 0;
    fees = 0;
    slippage = 0;
    if (trade != 0) {
      trade(target, spot, yearsToDelivery, halfSpread, fillPrice);
    }
    financingTotal += financing;
  }

  /** {@link #execute} when the quantity changes: the trade's price, cash, costs and the totals. */
  private void trade(double target, double spot, double yearsToDelivery, double halfSpread, double fillPrice) {
    double mark = spotHedge ? spot : instrument.markPrice(spot, rate, yield, yearsToDelivery);
    double side = trade > 0 ? 1 : -1;
    tradePrice = fillPrice == fillPrice ? fillPrice
        : mark * (1 + side * halfSpread) * (1 + side * slippage1e4);
    double size = trade * contractSize;
    double notionalPerUnit;
    if (spotHedge) {
      tradeCash = -size * tradePrice;
      slippage = size * (tradePrice - mark);
      notionalPerUnit = contractSize * tradePrice;
    } else {
      notionalPerUnit = marginedTrade(size, mark);
    }
    book(target, notionalPerUnit);
  }

  /** {@link #trade}'s cash and slippage for the margined instruments; returns the notional per instrument unit. */
  private double marginedTrade(double size, double mark) {
    if (instrument == HedgeInstrument.INVERSE) {
      tradeCash = size * (mark / tradePrice - 1);
      slippage = -tradeCash;
      return contractSize;
    }
    tradeCash = -size * (tradePrice - mark);
    slippage = -tradeCash;
    return contractSize * tradePrice;
  }

  /** {@link #trade}'s fees, the new quantity and the totals. */
  private void book(double target, double notionalPerUnit) {
    double absTrade = Math.abs(trade);
    fees = absTrade * (notionalPerUnit * feeBps * 1e-4 + feePerContract);
    cash += tradeCash - fees;
    qty = target;
    hedges++;
    turnover += absTrade;
    turnoverNotional += absTrade * notionalPerUnit;
    feesTotal += fees;
    slippageTotal += slippage;
    costPnl -= fees + slippage;
  }

  /** Mark value of the holding: q·contractSize·S for SPOT, 0 for margined instruments (settled). */
  double value(double spot) {
    return spotHedge ? qty * contractSize * spot : 0;
  }
}
