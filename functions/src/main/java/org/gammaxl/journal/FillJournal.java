package org.gammaxl.journal;

import java.util.ArrayDeque;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.pricing.OptionPricer;

/**
 * Reads a journal of hedge fills against the option book they hedge, one fill at a time, oldest first.
 *
 * <p>Conventions: quantities in units of the underlying (+ bought, − sold); delta in units of underlying
 * (Σ quantity × multiplier × Δ of the live legs at the fill's mark); theta per year. Between two fills the book's
 * gamma P&amp;L is ½Γ(ΔS)² and its theta P&amp;L ΘΔt, with Γ and Θ of the earlier fill and ΔS the move of the mark
 * — the same attribution as the hedge ledger's GAMMA_PNL and THETA_PNL, on the fills' clock. A fill that reduces
 * the open hedge closes its oldest lots first (FIFO): the scalp P&amp;L of the fill is Σ matched × (sell price −
 * buy price). Slippage is (price − mark) × quantity: positive = paid (bought above or sold below the mark).
 */
public final class FillJournal {
  /** The values of one fill, in order. */
  public enum Column {
    /** The option book's delta at the fill, units of underlying. */
    OPTION_DELTA,
    /** Hedge held before the fill. */
    HEDGE_BEFORE,
    /** Hedge held after the fill. */
    HEDGE_AFTER,
    /** OPTION_DELTA + HEDGE_BEFORE: the position delta the fill traded against. */
    NET_DELTA_BEFORE,
    /** OPTION_DELTA + HEDGE_AFTER. */
    NET_DELTA_AFTER,
    /** (price − mark) × quantity, positive = paid. */
    SLIPPAGE,
    /** Round-trip P&amp;L of the lots this fill closed (FIFO). */
    SCALP_PNL,
    /** Σ SCALP_PNL so far. */
    SCALP_PNL_CUM,
    /** Σ ½Γ(ΔS)² of the book since the first fill. */
    GAMMA_PNL_CUM,
    /** Σ ΘΔt of the book since the first fill. */
    THETA_PNL_CUM
  }

  private final OptionPricer pricer;
  private final List<OptionLeg> legs;
  private final double vol;
  private final double rate;
  private final double yield;
  /** Open hedge lots, oldest first: {quantity (signed), price}. */
  private final ArrayDeque<double[]> lots = new ArrayDeque<>();
  private final double[] greeks = new double[OptionPricer.FIRST_GREEKS];
  private double hedge;
  private double scalp;
  private double gammaPnl;
  private double thetaPnl;
  private double lastTime = Double.NaN;
  private double lastMark;
  private double lastGamma;
  private double lastTheta;

  /**
   * @param legs the book (expiries in years on the fills' clock); a leg's own vol, else {@code vol}
   * @param vol the implied vol of legs without their own, 0.2 = 20 %
   */
  public FillJournal(OptionPricer pricer, List<OptionLeg> legs, double vol, double rate, double yield) {
    this.pricer = pricer;
    this.legs = List.copyOf(legs);
    this.vol = vol;
    this.rate = rate;
    this.yield = yield;
  }

  /**
   * Books one fill and returns its {@link Column} values.
   *
   * @param time years on the fills' clock, not before the previous fill's
   * @param quantity signed units of underlying, + bought
   * @param price execution price
   * @param mark the underlying's mark (mid) at the fill
   */
  public double[] fill(double time, double quantity, double price, double mark) {
    if (!Double.isNaN(lastTime) && time < lastTime) {
      throw InvalidInputException.domain("times", "fills must be in time order; " + time + " is before " + lastTime);
    }
    if (!(price > 0) || !(mark > 0)) {
      throw InvalidInputException.domain(price > 0 ? "marks" : "prices", "must be > 0");
    }
    double delta = 0;
    double gamma = 0;
    double theta = 0;
    for (OptionLeg leg : legs) {
      double left = leg.expiry() - time;
      if (left <= 0) {
        continue;
      }
      pricer.firstGreeks(leg.type(), mark, leg.strike(), left, Double.isNaN(leg.vol()) ? vol : leg.vol(), rate, yield,
          greeks);
      delta += leg.units() * greeks[1];
      gamma += leg.units() * greeks[2];
      theta += leg.units() * greeks[4];
    }
    if (!Double.isNaN(lastTime)) {
      double move = mark - lastMark;
      gammaPnl += 0.5 * lastGamma * move * move;
      thetaPnl += lastTheta * (time - lastTime);
    }
    double closed = closeLots(quantity, price);
    scalp += closed;
    double before = hedge;
    hedge += quantity;
    lastTime = time;
    lastMark = mark;
    lastGamma = gamma;
    lastTheta = theta;
    return new double[] {delta, before, hedge, delta + before, delta + hedge, (price - mark) * quantity, closed, scalp,
        gammaPnl, thetaPnl};
  }

  /** Closes open lots of the opposite sign, oldest first; opens the rest; returns the round-trip P&L. */
  private double closeLots(double quantity, double price) {
    double left = quantity;
    double pnl = 0;
    while (left != 0 && !lots.isEmpty() && Math.signum(lots.peekFirst()[0]) == -Math.signum(left)) {
      double[] lot = lots.peekFirst();
      double matched = Math.min(Math.abs(left), Math.abs(lot[0]));
      // A long lot sold at price, or a short lot bought back at price.
      pnl += matched * (price - lot[1]) * Math.signum(lot[0]);
      lot[0] -= matched * Math.signum(lot[0]);
      left -= matched * Math.signum(left);
      if (lot[0] == 0) {
        lots.removeFirst();
      }
    }
    if (left != 0) {
      lots.addLast(new double[] {left, price});
    }
    return pnl;
  }
}
