package org.gammaxl.ledger;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * The option side of one {@link LedgerRun}: every leg's vol on the smile, its value and greeks at each
 * event (with the {@link Revaluation} schedule), its settlement at expiry and its own P&amp;L
 * attribution, plus the book's sums. O(legs) memory, as parallel primitive arrays; no allocation per
 * event beyond what the pricer makes.
 */
final class LegBook {
  private static final int W = LegColumn.all().length;
  private static final int YEARS = LegColumn.YEARS_LEFT.ordinal();
  private static final int VOL = LegColumn.VOL.ordinal();
  private static final int VALUE = LegColumn.OPTION_VALUE.ordinal();
  private static final int DELTA = LegColumn.DELTA.ordinal();
  private static final int GAMMA = LegColumn.GAMMA.ordinal();
  private static final int VEGA = LegColumn.VEGA.ordinal();
  private static final int THETA = LegColumn.THETA.ordinal();
  private static final int SMILE_DELTA = LegColumn.SMILE_DELTA.ordinal();
  private static final int SETTLEMENT = LegColumn.SETTLEMENT.ordinal();
  private static final int OPTION_PNL = LegColumn.OPTION_PNL.ordinal();
  private static final int DELTA_PNL = LegColumn.DELTA_PNL.ordinal();
  private static final int GAMMA_PNL = LegColumn.GAMMA_PNL.ordinal();
  private static final int THETA_PNL = LegColumn.THETA_PNL.ordinal();
  private static final int VEGA_PNL = LegColumn.VEGA_PNL.ordinal();
  private static final int CARRY_PNL = LegColumn.CARRY_PNL.ordinal();
  private static final int RESIDUAL_PNL = LegColumn.RESIDUAL_PNL.ordinal();

  private final OptionPricer pricer;
  private final OptionPricer european = Model.BSM.pricer();
  private final boolean reuse;
  private final boolean moneyness;
  private final boolean smileHedge;
  private final double hedgeVol;
  private final double rate;
  private final double yield;

  final int n;
  private final OptionLeg[] legs;
  private final OptionType[] types;
  private final double[] strikes;
  private final double[] expiries;
  private final double[] units;
  private final boolean[] alive;
  private int live;

  // the smile, fixed at the first event
  private final double[] offset;
  private final double[] smileStart;
  private SmileCurve curve;

  /** This event's values of every leg, {@link LegColumn} order, leg after leg. */
  private final double[] rows;
  private final double[] prevVol;
  private final double[] prevDelta;
  private final double[] prevGamma;
  private final double[] prevVega;
  private final double[] prevTheta;
  private final double[] optionCash;
  private final double[] initialValue;
  private final double[] firstTheta;
  private final double[] firstGamma;
  private final double[] cashGammaTime;
  private final double[] cashGammaVarTime;
  private final double[] volVarTime;
  private final double[] volTime;

  // REUSE: the early-exercise premium's value and greeks at each leg's anchor
  private final double[] anchorLow;
  private final double[] anchorHigh;
  private final double[] anchorSpot;
  private final double[] anchorTau;
  private final double[] anchorVol;
  private final double[] premium;
  private long revaluations;

  private final double[] g = new double[OptionPricer.FIRST_GREEKS];
  private final double[] a = new double[OptionPricer.FIRST_GREEKS];

  // the book at this event
  double value;
  double delta;
  double gamma;
  double vega;
  double theta;
  double hedgeDelta;
  double settlement;
  double yearsLeft;

  LegBook(OptionPricer pricer, Position position, HedgePolicy policy, Marking marking) {
    this.pricer = pricer;
    this.reuse = marking.revaluation() == Revaluation.REUSE;
    this.moneyness = marking.smile() == SmileDynamics.STICKY_MONEYNESS;
    this.hedgeVol = policy.hedgeVol();
    this.smileHedge = policy.hedgeDelta() == HedgeDelta.SMILE && hedgeVol != hedgeVol;
    this.rate = policy.rate();
    this.yield = policy.yield();
    this.n = position.legs().size();
    this.legs = position.legs().toArray(new OptionLeg[0]);
    this.types = new OptionType[n];
    this.strikes = new double[n];
    this.expiries = new double[n];
    this.units = new double[n];
    this.alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      types[i] = legs[i].type();
      strikes[i] = legs[i].strike();
      expiries[i] = legs[i].expiry();
      units[i] = legs[i].units();
      alive[i] = true;
    }
    this.live = n;
    this.offset = new double[n];
    this.smileStart = new double[n];
    this.rows = new double[n * W];
    this.prevVol = new double[n];
    this.prevDelta = new double[n];
    this.prevGamma = new double[n];
    this.prevVega = new double[n];
    this.prevTheta = new double[n];
    this.optionCash = new double[n];
    this.initialValue = new double[n];
    this.firstTheta = new double[n];
    this.firstGamma = new double[n];
    this.cashGammaTime = new double[n];
    this.cashGammaVarTime = new double[n];
    this.volVarTime = new double[n];
    this.volTime = new double[n];
    this.anchorLow = new double[n];
    this.anchorHigh = new double[n];
    this.anchorSpot = new double[n];
    this.anchorTau = new double[n];
    this.anchorVol = new double[n];
    this.premium = new double[n * OptionPricer.FIRST_GREEKS];
  }

  /** Legs not yet expired. */
  int live() {
    return live;
  }

  /** Expiry of leg i, years. */
  double expiry(int i) {
    return expiries[i];
  }

  /** The smile at the first event: each leg's skew offset to the mark and, STICKY_MONEYNESS, the curve. */
  void fixSmile(double spot, double mark) {
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      double own = legs[i].vol();
      offset[i] = own == own ? own - mark : 0;
      m[i] = Math.log(strikes[i] / spot);
    }
    if (moneyness) {
      curve = SmileCurve.through(m, offset);
      for (int i = 0; i < n; i++) {
        smileStart[i] = curve.value(m[i]);
      }
    }
  }

  /** Interest on each leg's financed premium and settlements over the step. */
  void accrue(double growth) {
    for (int i = 0; i < n; i++) {
      double f = optionCash[i] * growth;
      optionCash[i] += f;
      rows[i * W + CARRY_PNL] += f;
    }
  }

  /**
   * Settles the legs expiring at {@code time} at intrinsic value and values the live ones at their
   * vols; sets the book's sums.
   *
   * @param row the event's 1-based row, for errors
   */
  void value(long row, double time, double spot, double mark) {
    double sumValue = 0;
    double sumDelta = 0;
    double sumGamma = 0;
    double sumVega = 0;
    double sumTheta = 0;
    double sumHedge = 0;
    double sumSettled = 0;
    double nearest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int r = i * W;
      rows[r + SETTLEMENT] = 0;
      if (!alive[i]) {
        continue;
      }
      double tau = expiries[i] - time;
      if (tau <= 0) {
        double payoff = units[i] * types[i].intrinsic(spot, strikes[i]);
        sumSettled += payoff;
        optionCash[i] += payoff;
        rows[r + SETTLEMENT] = payoff;
        rows[r + YEARS] = 0;
        rows[r + VALUE] = 0;
        rows[r + DELTA] = 0;
        rows[r + GAMMA] = 0;
        rows[r + VEGA] = 0;
        rows[r + THETA] = 0;
        rows[r + SMILE_DELTA] = 0;
        alive[i] = false;
        live--;
        continue;
      }
      nearest = Math.min(nearest, tau);
      double vol = legVol(i, spot, mark, row);
      greeks(i, spot, tau, vol);
      double u = units[i];
      double v = u * g[0];
      double d = u * g[1];
      double vg = u * g[3];
      sumValue += v;
      sumDelta += d;
      sumGamma += u * g[2];
      sumVega += vg;
      sumTheta += u * g[4];
      double smileDelta = moneyness ? d - vg * curve.slope(Math.log(strikes[i] / spot)) / spot : d;
      if (hedgeVol == hedgeVol) {
        sumHedge += u * pricer.greek(Greek.DELTA, types[i], spot, strikes[i], tau, hedgeVol, rate, yield);
      } else if (smileHedge) {
        sumHedge += smileDelta;
      }
      rows[r + YEARS] = tau;
      rows[r + VOL] = vol;
      rows[r + VALUE] = v;
      rows[r + DELTA] = d;
      rows[r + GAMMA] = u * g[2];
      rows[r + VEGA] = vg;
      rows[r + THETA] = u * g[4];
      rows[r + SMILE_DELTA] = smileDelta;
    }
    value = sumValue;
    delta = sumDelta;
    gamma = sumGamma;
    vega = sumVega;
    theta = sumTheta;
    hedgeDelta = hedgeVol == hedgeVol || smileHedge ? sumHedge : sumDelta;
    settlement = sumSettled;
    yearsLeft = live == 0 ? 0 : nearest;
  }

  /** Leg i's vol at this event under the run's smile dynamics. */
  private double legVol(int i, double spot, double mark, long row) {
    double vol = mark + offset[i];
    if (moneyness) {
      vol += curve.value(Math.log(strikes[i] / spot)) - smileStart[i];
    }
    if (!(vol > 0)) {
      throw InvalidInputException.domain("row " + row + ": vol", "leg " + (i + 1) + " (" + legs[i] + ") would be"
          + " marked at " + vol + " (the mark " + mark + " plus its skew offset); every leg's vol must stay > 0");
    }
    return vol;
  }

  /** Leg i's price and first greeks per unit into {@link #g}. */
  private void greeks(int i, double spot, double tau, double vol) {
    if (!reuse) {
      pricer.firstGreeks(types[i], spot, strikes[i], tau, vol, rate, yield, g);
      return;
    }
    european.firstGreeks(types[i], spot, strikes[i], tau, vol, rate, yield, g);
    int p = i * OptionPricer.FIRST_GREEKS;
    double tauA = anchorTau[i];
    boolean stale = !(spot >= anchorLow[i] && spot <= anchorHigh[i])
        || tauA - tau > Revaluation.TIME_STEP * tauA
        || Math.abs(vol - anchorVol[i]) > Revaluation.VOL_STEP;
    if (stale) {
      pricer.firstGreeks(types[i], spot, strikes[i], tau, vol, rate, yield, a);
      for (int k = 0; k < OptionPricer.FIRST_GREEKS; k++) {
        premium[p + k] = a[k] - g[k];
        g[k] = a[k];
      }
      double h = Revaluation.SPOT_STEP * vol * Math.sqrt(tau);
      anchorLow[i] = spot * Math.exp(-h);
      anchorHigh[i] = spot * Math.exp(h);
      anchorSpot[i] = spot;
      anchorTau[i] = tau;
      anchorVol[i] = vol;
      revaluations++;
      return;
    }
    double dS = spot - anchorSpot[i];
    double e1 = premium[p + 1];
    double e2 = premium[p + 2];
    double e3 = premium[p + 3];
    double e4 = premium[p + 4];
    g[0] += premium[p] + dS * (e1 + 0.5 * e2 * dS) + e3 * (vol - anchorVol[i]) - e4 * (tau - tauA);
    g[1] += e1 + e2 * dS;
    g[2] += e2;
    g[3] += e3;
    g[4] += e4;
  }

  /** The premium paid for each leg at the first event, and its first greeks for the breakeven. */
  void open() {
    for (int i = 0; i < n; i++) {
      int r = i * W;
      initialValue[i] = rows[r + VALUE];
      optionCash[i] = -rows[r + VALUE];
      firstTheta[i] = rows[r + THETA];
      firstGamma[i] = rows[r + GAMMA];
    }
  }

  /**
   * Each leg's attribution of the step, with the previous event's greeks and its own vol change;
   * returns the book's vega P&amp;L of the step, Σ vegaᵢ·Δσᵢ.
   */
  double attribute(double dS, double dt, double prevSpot) {
    double vegaStep = 0;
    for (int i = 0; i < n; i++) {
      int r = i * W;
      double pg = prevGamma[i];
      rows[r + DELTA_PNL] += prevDelta[i] * dS;
      rows[r + GAMMA_PNL] += 0.5 * pg * dS * dS;
      rows[r + THETA_PNL] += prevTheta[i] * dt;
      double vega = prevVega[i] * (rows[r + VOL] - prevVol[i]);
      rows[r + VEGA_PNL] += vega;
      vegaStep += vega;
      if (pg != 0) {
        double cashGamma = 0.5 * pg * prevSpot * prevSpot * dt;
        cashGammaTime[i] += cashGamma;
        cashGammaVarTime[i] += cashGamma * prevVol[i] * prevVol[i];
        volVarTime[i] += prevVol[i] * prevVol[i] * dt;
        volTime[i] += dt;
      }
    }
    return vegaStep;
  }

  /** Σ ½Γᵢ S² σᵢ² Δt over the step, with the previous event's greeks and vols. */
  double cashGammaVariance(double dt, double prevSpot) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double cashGamma = 0.5 * prevGamma[i] * prevSpot * prevSpot * dt;
      sum += cashGamma * prevVol[i] * prevVol[i];
    }
    return sum;
  }

  /** Closes the event: each leg's P&amp;L and residual, and its greeks remembered for the next step. */
  void close() {
    for (int i = 0; i < n; i++) {
      int r = i * W;
      double pnl = rows[r + VALUE] + optionCash[i];
      rows[r + OPTION_PNL] = pnl;
      rows[r + RESIDUAL_PNL] = pnl - (rows[r + DELTA_PNL] + rows[r + GAMMA_PNL] + rows[r + THETA_PNL]
          + rows[r + VEGA_PNL] + rows[r + CARRY_PNL]);
      prevDelta[i] = rows[r + DELTA];
      prevGamma[i] = rows[r + GAMMA];
      prevVega[i] = rows[r + VEGA];
      prevTheta[i] = rows[r + THETA];
      prevVol[i] = rows[r + VOL];
    }
  }

  /** One value of leg i at the last event. */
  double get(int i, LegColumn column) {
    return rows[i * W + column.ordinal()];
  }

  OptionLeg leg(int i) {
    return legs[i];
  }

  /** Calls of the pricer so far under REUSE (0 otherwise). */
  long revaluations() {
    return revaluations;
  }

  /** Leg i's summary, with the book's realized vol and mean period. */
  LegSummary summary(int i, double realized, double meanPeriod) {
    int r = i * W;
    double[] s = new double[LegItem.values().length];
    s[LegItem.INITIAL_OPTION_VALUE.ordinal()] = initialValue[i];
    s[LegItem.OPTION_PNL.ordinal()] = rows[r + OPTION_PNL];
    s[LegItem.DELTA_PNL.ordinal()] = rows[r + DELTA_PNL];
    s[LegItem.GAMMA_PNL.ordinal()] = rows[r + GAMMA_PNL];
    s[LegItem.THETA_PNL.ordinal()] = rows[r + THETA_PNL];
    s[LegItem.VEGA_PNL.ordinal()] = rows[r + VEGA_PNL];
    s[LegItem.CARRY_PNL.ordinal()] = rows[r + CARRY_PNL];
    s[LegItem.RESIDUAL_PNL.ordinal()] = rows[r + RESIDUAL_PNL];
    s[LegItem.IMPLIED_VOL.ordinal()] = volTime[i] > 0 ? Math.sqrt(volVarTime[i] / volTime[i]) : prevVol[i];
    s[LegItem.EXPECTED_PNL.ordinal()] = realized == realized
        ? cashGammaTime[i] * realized * realized - cashGammaVarTime[i] : Double.NaN;
    s[LegItem.BREAKEVEN_MOVE.ordinal()] = firstGamma[i] != 0 && meanPeriod == meanPeriod
        ? Math.sqrt(2 * Math.abs(firstTheta[i]) * meanPeriod / Math.abs(firstGamma[i])) : Double.NaN;
    return new LegSummary(legs[i], s);
  }
}
