package org.gammaxl.ledger;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.BsmSlice;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Logarithm;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.vol.SviSurface;

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
  private static final int DELTA_PNL = LegColumn.DELTA_PNL.ordinal();
  private static final int GAMMA_PNL = LegColumn.GAMMA_PNL.ordinal();
  private static final int THETA_PNL = LegColumn.THETA_PNL.ordinal();
  private static final int VEGA_PNL = LegColumn.VEGA_PNL.ordinal();

  private final OptionPricer pricer;
  /** Whether the legs' values come from BSM directly (the BSM model, or REUSE's European part). */
  private final boolean bsm;
  /** BSM legs without dividends or REUSE: {@link BsmSlice#firstGreeks} is all of {@link #greeks}. */
  private final boolean plainBsm;
  /**
   * Plain BSM legs at flat or sticky-strike vols (no surface, no STICKY_MONEYNESS curve, no hedge vol): every event
   * after the first is priced by {@link #pricePlain}, one logarithm an event and the lean kernel per leg.
   */
  private final boolean plain;
  /** ln K of each leg, for {@link BsmSlice#firstGreeksFromLogs} in {@link #pricePlain}. */
  private final double[] logStrikes;
  /** Leg i's expiry: its index in {@link #groupExpiry}, {@link #slices} and {@link #dividendPv}. */
  private final int[] group;
  /** The book's distinct expiries, in the order of their first legs, and each one's first leg. */
  private final double[] groupExpiry;
  private final int[] groupLeader;
  /** Per expiry, BSM's factors of this event (√τ, discount, growth, forward), shared by its legs; null unless bsm. */
  private final BsmSlice[] slices;
  private final boolean reuse;
  private final boolean moneyness;
  private final boolean smileHedge;
  private final double hedgeVol;
  private final double rate;
  private final double yield;
  /** The underlying's cash dividends on the path's clock, or null; {@link #model} prices the legs with them. */
  private final CashDividends dividends;
  private final Model model;
  /** Per expiry, the present value of its dividends ahead at this event. */
  private final double[] dividendPv;
  /** Per expiry, the first event's escrowed spot S − pv: where STICKY_STRIKE reads the surface's forward from. */
  private final double[] firstEscrowedSpot;
  private boolean escrowFixed;

  final int n;
  private final OptionLeg[] legs;
  private final OptionType[] types;
  private final int[] signs;
  private final double[] strikes;
  /** 1/K, as the pricer forms it. */
  private final double[] invStrikes;
  private final double[] expiries;
  private final double[] units;
  private final boolean[] alive;
  private int live;

  // the smile, fixed at the first event
  private final double[] offset;
  private final double[] smileStart;
  private SmileCurve curve;
  /** The surface the legs are marked on ({@link Marking#surface()}), or null; and the first event's spot. */
  private final SviSurface surface;

  /**
   * This event's values of every leg, {@link LegColumn} order, leg after leg; until a leg is valued
   * at the next event they are also its previous greeks, with which that step is attributed.
   */
  private final double[] rows;
  /**
   * Each leg's cash flows (premium, settlement) divided by the accrual factor e^{r(t − t₀)} at their
   * time: the leg's financed cash at t is e^{r(t − t₀)} times this, so it accrues without work per event.
   */
  private final double[] discountedCash;
  /** Each leg's cash flows as paid. */
  private final double[] flows;
  private double firstTime;
  private double lastTime;
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
  private final double[] anchorTime;
  private final double[] premium;
  private long revaluations;

  private final double[] g = new double[OptionPricer.FIRST_GREEKS];
  /**
   * Per leg ({@link #FRESH} apart) this event's price and greeks per unit, its vol, and (STICKY_MONEYNESS, a hedge
   * vol) its smile delta and its delta at the hedge vol per position: what the pricing pass hands {@link #book}.
   */
  private static final int F_VOL = OptionPricer.FIRST_GREEKS;
  private static final int F_SMILE_DELTA = F_VOL + 1;
  private static final int F_HEDGE_DELTA = F_VOL + 2;
  private static final int FRESH = F_VOL + 3;
  private final double[] fresh;
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
  /** Σ ½Γᵢ S² σᵢ² Δt of the last step, with the previous event's greeks and vols. */
  double cashGammaVariance;
  /** Σ vegaᵢ·Δσᵢ of the last step. */
  double vegaStep;

  LegBook(OptionPricer pricer, Position position, HedgePolicy policy, Marking marking) {
    this.pricer = pricer;
    this.reuse = marking.revaluation() == Revaluation.REUSE;
    this.moneyness = marking.smile() == SmileDynamics.STICKY_MONEYNESS;
    this.surface = marking.surface();
    this.hedgeVol = policy.hedgeVol();
    this.smileHedge = policy.hedgeDelta() == HedgeDelta.SMILE && hedgeVol != hedgeVol;
    this.rate = policy.rate();
    this.yield = policy.yield();
    this.dividends = policy.dividends().isEmpty() ? null : policy.dividends();
    this.model = dividends == null ? null : modelOf(pricer);
    this.n = position.legs().size();
    this.legs = position.legs().toArray(new OptionLeg[0]);
    this.types = new OptionType[n];
    this.signs = new int[n];
    this.strikes = new double[n];
    this.invStrikes = new double[n];
    this.expiries = new double[n];
    this.units = new double[n];
    this.alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      types[i] = legs[i].type();
      signs[i] = types[i].sign();
      strikes[i] = legs[i].strike();
      invStrikes[i] = 1 / strikes[i];
      expiries[i] = legs[i].expiry();
      units[i] = legs[i].units();
      alive[i] = true;
    }
    this.live = n;
    this.dividendPv = new double[n];
    this.firstEscrowedSpot = new double[n];
    this.bsm = reuse || pricer == BlackScholesMerton.INSTANCE;
    this.plainBsm = bsm && !reuse && dividends == null;
    this.plain = plainBsm && !moneyness && surface == null && hedgeVol != hedgeVol;
    this.fresh = new double[n * FRESH];
    this.logStrikes = new double[n];
    for (int i = 0; i < n; i++) {
      logStrikes[i] = Logarithm.log(strikes[i]);
    }
    this.group = new int[n];
    double[] distinct = new double[n];
    int[] firstLeg = new int[n];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      int e = 0;
      while (e < groups && distinct[e] != expiries[i]) {
        e++;
      }
      if (e == groups) {
        distinct[e] = expiries[i];
        firstLeg[e] = i;
        groups++;
      }
      group[i] = e;
    }
    this.groupExpiry = java.util.Arrays.copyOf(distinct, groups);
    this.groupLeader = java.util.Arrays.copyOf(firstLeg, groups);
    this.slices = new BsmSlice[bsm ? groups : 0];
    for (int e = 0; e < slices.length; e++) {
      slices[e] = new BsmSlice(rate, yield);
    }
    this.offset = new double[n];
    this.smileStart = new double[n];
    this.rows = new double[n * W];
    this.discountedCash = new double[n];
    this.flows = new double[n];
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
    this.anchorTime = new double[n];
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
  void fixSmile(double time, double spot, double mark) {
    firstTime = time;
    escrowFixed = false; // the next pass fixes each expiry's escrowed spot for STICKY_STRIKE
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      double own = legs[i].vol();
      offset[i] = own == own ? own - mark : 0;
      m[i] = Math.log(strikes[i] / spot);
    }
    if (moneyness && surface == null) {
      curve = SmileCurve.through(m, offset);
      for (int i = 0; i < n; i++) {
        smileStart[i] = curve.value(m[i]);
      }
    }
  }

  /**
   * The legs at an event: each live leg priced at its vol ({@link #pricePlain} for {@link #plain} books after the
   * first event, else {@link #priceAny}), then one pass ({@link #book}) that attributes the step to each leg with its
   * previous greeks (spot move {@code dS} over {@code dt} years from {@code prevSpot}; all zero at the first event),
   * settles the legs expiring at {@code time} at intrinsic value and sets the book's sums, the step's
   * {@link #vegaStep} and {@link #cashGammaVariance}. An error (a leg's vol, the dividends) is thrown before any
   * leg's state changes.
   *
   * @param row the event's 1-based row, for errors
   */
  void value(long row, double time, double spot, double mark, double dS, double dt, double prevSpot) {
    if (plain && row > 1) {
      pricePlain(row, time, spot, mark);
    } else {
      priceAny(row, time, spot, mark);
    }
    double prevTime = lastTime;
    lastTime = time;
    book(row, prevTime, time, spot, dS, dt, prevSpot);
  }

  /** {@link #value}'s pass over the legs, with this event's prices and greeks per unit in {@link #fresh}. */
  private void book(long row, double prevTime, double time, double spot, double dS, double dt, double prevSpot) {
    double sumValue = 0;
    double sumDelta = 0;
    double sumGamma = 0;
    double sumVega = 0;
    double sumTheta = 0;
    double sumHedge = 0;
    double sumSettled = 0;
    double sumVegaPnl = 0;
    double sumCashGammaVar = 0;
    double halfDs2 = 0.5 * dS * dS;
    double cashGammaScale = 0.5 * prevSpot * prevSpot * dt;
    double nearest = Double.POSITIVE_INFINITY;
    double[] rows = this.rows;
    double[] fresh = this.fresh;
    for (int i = 0; i < n; i++) {
      int r = i * W;
      if (!alive[i]) {
        rows[r + SETTLEMENT] = 0;
        continue;
      }
      double prevVol = rows[r + VOL];
      // with dividends the leg's move is cum-dividend: its escrowed value does not drop with the ex-date's spot
      double legDs = dividends == null || row == 1 ? dS
          : dS + dividends.paidIn(prevTime, Math.min(time, expiries[i]));
      sumCashGammaVar += attribute(i, legDs, legDs == dS ? halfDs2 : 0.5 * legDs * legDs, dt, cashGammaScale);
      double tau = expiries[i] - time;
      if (tau <= 0) {
        sumSettled += settle(i, time, spot);
        continue;
      }
      nearest = Math.min(nearest, tau);
      int p = i * FRESH;
      double vol = fresh[p + F_VOL];
      double vegaPnl = rows[r + VEGA] * (vol - prevVol);
      rows[r + VEGA_PNL] += vegaPnl;
      sumVegaPnl += vegaPnl;
      double u = units[i];
      double v = u * fresh[p];
      double d = u * fresh[p + 1];
      double gm = u * fresh[p + 2];
      double vg = u * fresh[p + 3];
      double th = u * fresh[p + 4];
      sumValue += v;
      sumDelta += d;
      sumGamma += gm;
      sumVega += vg;
      sumTheta += th;
      double smileDelta = moneyness ? fresh[p + F_SMILE_DELTA] : d;
      sumHedge += hedgeVol == hedgeVol ? fresh[p + F_HEDGE_DELTA] : smileDelta;
      write(r, tau, vol, v, d, gm, vg, th, smileDelta);
    }
    value = sumValue;
    delta = sumDelta;
    gamma = sumGamma;
    vega = sumVega;
    theta = sumTheta;
    hedgeDelta = hedgeVol == hedgeVol || smileHedge ? sumHedge : sumDelta;
    settlement = sumSettled;
    yearsLeft = live == 0 ? 0 : nearest;
    vegaStep = sumVegaPnl;
    cashGammaVariance = sumCashGammaVar;
  }

  /**
   * Leg i's step attributed with its previous greeks, still in its row: delta, gamma and theta P&amp;L for the move
   * {@code legDs} (½·legDs² given) over {@code dt}, and where it had gamma its cash-gamma and vol-time sums; returns its
   * ½ΓS²σ²Δt ({@code cashGammaScale} = ½S²Δt), 0 without gamma.
   */
  private double attribute(int i, double legDs, double halfLegDs2, double dt, double cashGammaScale) {
    int r = i * W;
    double pg = rows[r + GAMMA];
    rows[r + DELTA_PNL] += rows[r + DELTA] * legDs;
    rows[r + GAMMA_PNL] += pg * halfLegDs2;
    rows[r + THETA_PNL] += rows[r + THETA] * dt;
    if (pg == 0) {
      return 0;
    }
    double prevVol = rows[r + VOL];
    double cashGamma = pg * cashGammaScale;
    double variance = cashGamma * prevVol * prevVol;
    cashGammaTime[i] += cashGamma;
    cashGammaVarTime[i] += variance;
    volVarTime[i] += prevVol * prevVol * dt;
    volTime[i] += dt;
    return variance;
  }

  /** A leg's values at this event into its row (from {@code r}): years left, vol, value and greeks, smile delta. */
  private void write(int r, double tau, double vol, double v, double d, double gm, double vg, double th,
      double smileDelta) {
    rows[r + YEARS] = tau;
    rows[r + VOL] = vol;
    rows[r + VALUE] = v;
    rows[r + DELTA] = d;
    rows[r + GAMMA] = gm;
    rows[r + VEGA] = vg;
    rows[r + THETA] = th;
    rows[r + SMILE_DELTA] = smileDelta;
  }

  /**
   * {@link #value}'s prices for {@link #plain} legs: each expiry's factors at the spot, ln S once, and each live leg's
   * vol (the mark plus its skew offset) and price and greeks per unit from ln S − ln K
   * ({@link BsmSlice#firstGreeksFromLogs}) into {@link #fresh}; a loop with little else, so that little is saved
   * around each kernel call.
   */
  private void pricePlain(long row, double time, double spot, double mark) {
    BsmSlice[] slices = this.slices;
    for (int e = 0; e < slices.length; e++) {
      double tau = groupExpiry[e] - time;
      if (tau > 0) {
        slices[e].at(spot, tau);
      }
    }
    double logSpot = Logarithm.log(spot);
    double[] fresh = this.fresh;
    for (int i = 0; i < n; i++) {
      if (alive[i] && expiries[i] > time) {
        double vol = mark + offset[i];
        if (!(vol > 0)) {
          throw negativeVol(i, vol, mark, row);
        }
        int p = i * FRESH;
        fresh[p + F_VOL] = vol;
        slices[group[i]].firstGreeksFromLogs(signs[i], strikes[i], invStrikes[i], logSpot, logStrikes[i], vol, fresh, p);
      }
    }
  }

  /** Leg i reaching its expiry at {@code time}: paid its intrinsic value at {@code spot}, its row zeroed; returns the payoff. */
  private double settle(int i, double time, double spot) {
    int r = i * W;
    double payoff = units[i] * types[i].intrinsic(spot, strikes[i]);
    flows[i] += payoff;
    discountedCash[i] += payoff / accrual(time);
    rows[r + SETTLEMENT] = payoff;
    write(r, 0, rows[r + VOL], 0, 0, 0, 0, 0, 0);
    alive[i] = false;
    live--;
    return payoff;
  }

  private InvalidInputException negativeVol(int i, double vol, double mark, long row) {
    return InvalidInputException.domain("row " + row + ": vol", "leg " + (i + 1) + " (" + legs[i] + ") would be"
        + " marked at " + vol + " (the mark " + mark + " plus its skew offset); every leg's vol must stay > 0");
  }

  /**
   * {@link #value}'s prices for any book (dividends, surfaces, smile curves, REUSE, other models, a hedge vol): each
   * live leg's vol, price and greeks per unit, and where they apply its smile delta and its delta at the hedge vol
   * (both per position), into {@link #fresh}.
   */
  private void priceAny(long row, double time, double spot, double mark) {
    prepareExpiries(row, time, spot);
    for (int i = 0; i < n; i++) {
      if (!alive[i] || !(expiries[i] > time)) {
        continue;
      }
      double tau = expiries[i] - time;
      double pv = dividends == null ? 0 : dividendPv[group[i]];
      double vol = surface == null ? legVol(i, spot, mark, row) : surfaceVol(i, spot - pv, tau);
      if (plainBsm) {
        slices[group[i]].firstGreeks(signs[i], strikes[i], invStrikes[i], vol, g);
      } else {
        greeks(i, spot, tau, vol, time, pv);
      }
      int p = i * FRESH;
      System.arraycopy(g, 0, fresh, p, OptionPricer.FIRST_GREEKS);
      fresh[p + F_VOL] = vol;
      double u = units[i];
      if (moneyness) {
        fresh[p + F_SMILE_DELTA] = u * g[1] - u * g[3] * volSlope(i, spot, pv, tau, vol) / spot;
      }
      if (hedgeVol == hedgeVol) {
        fresh[p + F_HEDGE_DELTA] = u * pricer.greek(Greek.DELTA, types[i], spot - pv, strikes[i], tau, hedgeVol, rate,
            yield);
      }
    }
  }

  /** e^{r(t − t₀)}: what one unit of cash at the first event has grown to at {@code time}. */
  private double accrual(double time) {
    return rate == 0 ? 1 : Math.exp(rate * (time - firstTime));
  }

  /** Leg i's vol at this event under the run's smile dynamics. */
  private double legVol(int i, double spot, double mark, long row) {
    double vol = mark + offset[i];
    if (moneyness) {
      vol += curve.value(Math.log(strikes[i] / spot)) - smileStart[i];
    }
    if (!(vol > 0)) {
      throw negativeVol(i, vol, mark, row);
    }
    return vol;
  }

  /**
   * Leg i's vol on the surface at its remaining {@code tau}: at ln(K/F), F = S_ref·e^{(r − q)τ} as GX.PRICE reads a
   * surface, S_ref the escrowed spot S − PV(dividends to the leg's expiry) of this event under STICKY_MONEYNESS and
   * of the first event under STICKY_STRIKE ({@link Marking}).
   */
  private double surfaceVol(int i, double escrowedSpot, double tau) {
    double ref = moneyness ? escrowedSpot : firstEscrowedSpot[group[i]];
    return surface.vol(strikes[i], ref * Math.exp((rate - yield) * tau), tau);
  }

  /**
   * −S·∂σᵢ/∂S under STICKY_MONEYNESS (so that the smile delta is Δ − vega·this/S): on a surface ∂σ/∂k =
   * (∂w/∂k)/(2στ), k = ln(K/F) falling by 1/(S − pv) per unit of spot (pv the dividends to expiry); else the smile curve's slope s′(m).
   */
  private double volSlope(int i, double spot, double pv, double tau, double vol) {
    if (surface == null) {
      return curve.slope(Math.log(strikes[i] / spot));
    }
    double escrowed = spot - pv; // k = ln(K/F) falls by 1/(S − pv) per unit of spot
    double k = Math.log(strikes[i] / (escrowed * Math.exp((rate - yield) * tau)));
    return spot / escrowed * surface.slope(k, tau) / (2 * vol * tau);
  }

  /**
   * Once per expiry not yet reached at this event: the present value at {@code time} of the dividends after it and
   * up to the expiry, e^{−r(t_D − t)}·D summed, and BSM's factors at the escrowed spot S − pv and the time left.
   */
  private void prepareExpiries(long row, double time, double spot) {
    for (int e = 0; e < groupExpiry.length; e++) {
      double tau = groupExpiry[e] - time;
      if (!(tau > 0)) {
        continue;
      }
      double pv = 0;
      if (dividends != null) {
        pv = dividends.presentValue(rate, time, groupExpiry[e]);
        if (!(spot - pv > 0)) {
          throw InvalidInputException.domain("row " + row + ": div_amounts", "the present value " + pv + " of the"
              + " dividends before the expiry of leg " + (groupLeader[e] + 1) + " is not below the spot " + spot);
        }
        dividendPv[e] = pv;
      }
      if (!escrowFixed) {
        firstEscrowedSpot[e] = spot - pv;
      }
      if (bsm) {
        slices[e].at(spot - pv, tau);
      }
    }
    escrowFixed = true;
  }

  /**
   * Leg i's price and first greeks per unit into {@link #g}, with the dividends ahead of it (present value
   * {@code pv}, 0 without). BSM values (the model's, or REUSE's European part) are taken at the escrowed spot S − pv,
   * theta adding Δ·∂S*∂t = −Δ·r·pv (as {@code GX.GREEKS} with dividends); other models come from {@link #model}.
   */
  private void greeks(int i, double spot, double tau, double vol, double time, double pv) {
    if (bsm) {
      slices[group[i]].firstGreeks(signs[i], strikes[i], invStrikes[i], vol, g);
      if (pv != 0) {
        g[4] += g[1] * (-rate * pv);
      }
    } else {
      model(i, spot, tau, vol, time, g);
    }
    if (reuse) {
      reuse(i, spot, tau, vol, time);
    }
  }

  /** REUSE: adds leg i's early-exercise premium to its European greeks in {@link #g}, revalued when stale. */
  private void reuse(int i, double spot, double tau, double vol, double time) {
    int p = i * OptionPricer.FIRST_GREEKS;
    double tauA = anchorTau[i];
    boolean stale = !(spot >= anchorLow[i] && spot <= anchorHigh[i])
        || tauA - tau > Revaluation.TIME_STEP * tauA
        || Math.abs(vol - anchorVol[i]) > Revaluation.VOL_STEP
        || dividends != null && dividends.paidIn(anchorTime[i], time) != 0; // the premium jumps at an ex-date
    if (stale) {
      model(i, spot, tau, vol, time, a);
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
      anchorTime[i] = time;
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

  /** Leg i's price and first greeks per unit from the run's pricer, with the dividends ahead of it (as GX.GREEKS). */
  private void model(int i, double spot, double tau, double vol, double time, double[] out) {
    if (dividends == null) {
      pricer.firstGreeks(types[i], spot, strikes[i], tau, vol, rate, yield, out);
      return;
    }
    Greeks d = Dividends.greeks(model, types[i], spot, strikes[i], tau, vol, rate, yield,
        dividends.ahead(time, expiries[i]));
    out[0] = d.price();
    out[1] = d.delta();
    out[2] = d.gamma();
    out[3] = d.vega();
    out[4] = d.theta();
  }

  /** The worksheet model whose pricer {@code pricer} is, for its dividend model; TYPE naming div_times if none. */
  private static Model modelOf(OptionPricer pricer) {
    for (Model m : Model.values()) {
      if (m.pricer() == pricer) {
        return m;
      }
    }
    throw InvalidInputException.type("div_times", "the ledger's pricer " + pricer + " has no dividend model; use"
        + " MODEL=BSM, EUROPEAN.LATTICE or an AMERICAN model");
  }

  /** The premium paid for each leg at the first event, and its first greeks for the breakeven. */
  void open() {
    for (int i = 0; i < n; i++) {
      int r = i * W;
      initialValue[i] = rows[r + VALUE];
      discountedCash[i] = -rows[r + VALUE];
      flows[i] = -rows[r + VALUE];
      firstTheta[i] = rows[r + THETA];
      firstGamma[i] = rows[r + GAMMA];
    }
  }

  /** One value of leg i at the last event; its P&amp;L, carry and residual worked out from its cash. */
  double get(int i, LegColumn column) {
    int r = i * W;
    switch (column) {
      case CARRY_PNL:
        return discountedCash[i] * accrual(lastTime) - flows[i];
      case OPTION_PNL:
        return rows[r + VALUE] + discountedCash[i] * accrual(lastTime);
      case RESIDUAL_PNL:
        return get(i, LegColumn.OPTION_PNL) - (rows[r + DELTA_PNL] + rows[r + GAMMA_PNL] + rows[r + THETA_PNL]
            + rows[r + VEGA_PNL] + get(i, LegColumn.CARRY_PNL));
      default:
        return rows[r + column.ordinal()];
    }
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
    s[LegItem.OPTION_PNL.ordinal()] = get(i, LegColumn.OPTION_PNL);
    s[LegItem.DELTA_PNL.ordinal()] = rows[r + DELTA_PNL];
    s[LegItem.GAMMA_PNL.ordinal()] = rows[r + GAMMA_PNL];
    s[LegItem.THETA_PNL.ordinal()] = rows[r + THETA_PNL];
    s[LegItem.VEGA_PNL.ordinal()] = rows[r + VEGA_PNL];
    s[LegItem.CARRY_PNL.ordinal()] = get(i, LegColumn.CARRY_PNL);
    s[LegItem.RESIDUAL_PNL.ordinal()] = get(i, LegColumn.RESIDUAL_PNL);
    s[LegItem.IMPLIED_VOL.ordinal()] = volTime[i] > 0 ? Math.sqrt(volVarTime[i] / volTime[i]) : rows[r + VOL];
    s[LegItem.EXPECTED_PNL.ordinal()] = realized == realized
        ? cashGammaTime[i] * realized * realized - cashGammaVarTime[i] : Double.NaN;
    s[LegItem.BREAKEVEN_MOVE.ordinal()] = firstGamma[i] != 0 && meanPeriod == meanPeriod
        ? Math.sqrt(2 * Math.abs(firstTheta[i]) * meanPeriod / Math.abs(firstGamma[i])) : Double.NaN;
    return new LegSummary(legs[i], s);
  }
}
