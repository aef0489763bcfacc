package org.gammaxl.ledger;

import java.util.Objects;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.pricing.CashDividends;

/**
 * How the {@link HedgeLedger} hedges: the rebalancing rule, the trading costs, the hedge instrument
 * and the financing. Immutable; build with {@link #builder()} or change one aspect of an existing
 * policy with the {@code with…} methods.
 *
 * <p>Costs of one trade of q instrument units at mark price P (units: currency):
 * <ul>
 *   <li>execution price = P·(1 ± h)·(1 ± slippageBps/10⁴), + for a buy, − for a sell, where h is the
 *       quoted relative half-spread (ask − bid)/(ask + bid) when {@link #useHalfSpread()} and the
 *       observation has quotes, else 0; the difference to P is reported as slippage;</li>
 *   <li>fees = |q|·notional per unit·feeBps/10⁴ + |q|·feePerContract, where notional per unit is
 *       contractSize·price (face value contractSize for INVERSE).</li>
 * </ul>
 * The hedge's cash balance (and the option premium) is financed at {@link #rate()}, continuously
 * compounded between events; a long SPOT hedge receives the continuous {@link #yield()}.
 */
public final class HedgePolicy {
  private final RebalanceRule rule;
  private final double threshold;
  private final HedgeTarget target;
  private final double feeBps;
  private final double feePerContract;
  private final double slippageBps;
  private final boolean useHalfSpread;
  private final double lotSize;
  private final HedgeInstrument instrument;
  private final double contractSize;
  private final double futureExpiry;
  private final double rate;
  private final double yield;
  private final double hedgeVol;
  private final double fundingRate;
  private final HedgeDelta hedgeDelta;
  private final CashDividends dividends;

  private HedgePolicy(Builder b) {
    this.rule = Objects.requireNonNull(b.rule, "rule");
    this.target = Objects.requireNonNull(b.target, "target");
    this.instrument = Objects.requireNonNull(b.instrument, "instrument");
    this.threshold = b.threshold;
    this.feeBps = Require.nonNegative("feeBps", b.feeBps);
    this.feePerContract = Require.nonNegative("feePerContract", b.feePerContract);
    this.slippageBps = Require.nonNegative("slippageBps", b.slippageBps);
    this.useHalfSpread = b.useHalfSpread;
    this.lotSize = Require.nonNegative("lotSize", b.lotSize);
    this.contractSize = Require.positive("contractSize", b.contractSize);
    this.futureExpiry = b.futureExpiry;
    this.rate = Require.finite("rate", b.rate);
    this.yield = Require.finite("yield", b.yield);
    this.hedgeVol = b.hedgeVol;
    this.fundingRate = Require.finite("fundingRate", b.fundingRate);
    this.hedgeDelta = Objects.requireNonNull(b.hedgeDelta, "hedgeDelta");
    this.dividends = Objects.requireNonNull(b.dividends, "dividends");
    if (!dividends.isEmpty() && instrument != HedgeInstrument.SPOT) {
      throw InvalidInputException.type("div_times", "cash dividends need a SPOT hedge (the stock, which receives"
          + " them); a " + instrument + " hedge's price nets them in a way the ledger does not model");
    }
    switch (rule) {
      case EVERY:
        break;
      case WW:
      case TIME:
      case MOVE:
      case MOVE_PERCENT:
        Require.positive("threshold", threshold);
        break;
      default:
        Require.nonNegative("threshold", threshold);
    }
    if (instrument == HedgeInstrument.FUTURE) {
      Require.finite("futureExpiry", futureExpiry);
    }
    if (!Double.isNaN(hedgeVol)) {
      Require.positive("hedgeVol", hedgeVol);
    }
  }

  /** A builder starting from the defaults: EVERY observation, NEUTRAL, no costs, SPOT, lot 0, rate 0, yield 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rule = rule;
    b.threshold = threshold;
    b.target = target;
    b.feeBps = feeBps;
    b.feePerContract = feePerContract;
    b.slippageBps = slippageBps;
    b.useHalfSpread = useHalfSpread;
    b.lotSize = lotSize;
    b.instrument = instrument;
    b.contractSize = contractSize;
    b.futureExpiry = futureExpiry;
    b.rate = rate;
    b.yield = yield;
    b.hedgeVol = hedgeVol;
    b.fundingRate = fundingRate;
    b.hedgeDelta = hedgeDelta;
    b.dividends = dividends;
    return b;
  }

  /** This policy with another rule and threshold (see {@link RebalanceRule} for the threshold's unit). */
  public HedgePolicy withRule(RebalanceRule newRule, double newThreshold) {
    return toBuilder().rule(newRule).threshold(newThreshold).build();
  }

  /** This policy trading to {@code newTarget}. */
  public HedgePolicy withTarget(HedgeTarget newTarget) {
    return toBuilder().target(newTarget).build();
  }

  /** This policy with other trading costs. */
  public HedgePolicy withCosts(double newFeeBps, double newFeePerContract, double newSlippageBps, boolean halfSpread) {
    return toBuilder().feeBps(newFeeBps).feePerContract(newFeePerContract).slippageBps(newSlippageBps)
        .useHalfSpread(halfSpread).build();
  }

  /** This policy with another rate and yield. */
  public HedgePolicy withRates(double newRate, double newYield) {
    return toBuilder().rate(newRate).yield(newYield).build();
  }

  /** This policy hedging in another instrument. */
  public HedgePolicy withInstrument(HedgeInstrument newInstrument, double newContractSize, double newFutureExpiry) {
    return toBuilder().instrument(newInstrument).contractSize(newContractSize).futureExpiry(newFutureExpiry).build();
  }

  public RebalanceRule rule() { return rule; }

  /** The rule's threshold, unit as documented on {@link RebalanceRule}. */
  public double threshold() { return threshold; }

  public HedgeTarget target() { return target; }

  /** Proportional fee in basis points of traded notional. */
  public double feeBps() { return feeBps; }

  /** Fixed fee per instrument unit (contract) traded, in currency. */
  public double feePerContract() { return feePerContract; }

  /** Slippage in basis points of the mark, against the trader on every trade. */
  public double slippageBps() { return slippageBps; }

  /** Whether trades pay the quoted half-spread when the observation has bid and ask. */
  public boolean useHalfSpread() { return useHalfSpread; }

  /** Hedge quantities are rounded to multiples of this many instrument units; 0 = no rounding. */
  public double lotSize() { return lotSize; }

  public HedgeInstrument instrument() { return instrument; }

  /** Underlying units per instrument unit, or the face value in quote currency for INVERSE. */
  public double contractSize() { return contractSize; }

  /** Delivery time of the hedge future (years, observations' clock); NaN unless the instrument is FUTURE. */
  public double futureExpiry() { return futureExpiry; }

  /** Continuously compounded financing and discount rate. */
  public double rate() { return rate; }

  /** Continuous dividend yield / borrow cost / foreign rate of the underlying. */
  public double yield() { return yield; }

  /**
   * The vol at which the hedge delta is computed, or NaN (the default) to hedge at the observation's
   * vol mark. Options are always valued at the mark; hedging at another vol is the Ahmad–Wilmott
   * "hedge with realized vol" experiment.
   */
  public double hedgeVol() { return hedgeVol; }

  /**
   * Annualised funding rate of a PERP or INVERSE hedge, paid by longs to shorts continuously on the
   * position's notional (q·contractSize·S for PERP, q·contractSize for INVERSE) and credited to the
   * hedge cash; 0 by default. A perpetual whose funding tracks r − q carries like a spot hedge.
   * Ignored for SPOT and FUTURE.
   */
  public double fundingRate() { return fundingRate; }

  /**
   * Which delta the hedge neutralises: the model's (BS, the default) or the smile-adjusted one. Ignored
   * when {@link #hedgeVol()} is set (the hedge delta is then the model's at that vol).
   */
  public HedgeDelta hedgeDelta() { return hedgeDelta; }

  /**
   * The underlying's known cash dividends, their ex-dates on the observations' clock (the times of the path, not
   * years from its start), amounts per unit of underlying; {@link CashDividends#NONE} by default. Each leg is valued
   * with the dividends after the event and up to its expiry (the escrowed model, as {@code GX.PRICE}); a SPOT hedge
   * holding q units over a step receives (pays, short) q × contract size × amount for every ex-date inside the
   * step, the event at the ex-date included (its spot is the ex-dividend price).
   */
  public CashDividends dividends() { return dividends; }

  @Override
  public String toString() {
    return "HedgePolicy{rule=" + rule + ", threshold=" + threshold + ", target=" + target + ", feeBps=" + feeBps
        + ", feePerContract=" + feePerContract + ", slippageBps=" + slippageBps + ", useHalfSpread=" + useHalfSpread
        + ", lotSize=" + lotSize + ", instrument=" + instrument + ", contractSize=" + contractSize
        + ", futureExpiry=" + futureExpiry + ", rate=" + rate + ", yield=" + yield + ", hedgeVol=" + hedgeVol
        + ", fundingRate=" + fundingRate + ", hedgeDelta=" + hedgeDelta
        + (dividends.isEmpty() ? "" : ", dividends=" + dividends) + '}';
  }

  /** Mutable builder of a {@link HedgePolicy}. */
  public static final class Builder {
    private RebalanceRule rule = RebalanceRule.EVERY;
    private double threshold;
    private HedgeTarget target = HedgeTarget.NEUTRAL;
    private double feeBps;
    private double feePerContract;
    private double slippageBps;
    private boolean useHalfSpread;
    private double lotSize;
    private HedgeInstrument instrument = HedgeInstrument.SPOT;
    private double contractSize = 1.0;
    private double futureExpiry = Double.NaN;
    private double rate;
    private double yield;
    private double hedgeVol = Double.NaN;
    private double fundingRate;
    private HedgeDelta hedgeDelta = HedgeDelta.BS;
    private CashDividends dividends = CashDividends.NONE;

    private Builder() {
    }

    public Builder rule(RebalanceRule value) { this.rule = value; return this; }

    public Builder threshold(double value) { this.threshold = value; return this; }

    public Builder target(HedgeTarget value) { this.target = value; return this; }

    public Builder feeBps(double value) { this.feeBps = value; return this; }

    public Builder feePerContract(double value) { this.feePerContract = value; return this; }

    public Builder slippageBps(double value) { this.slippageBps = value; return this; }

    public Builder useHalfSpread(boolean value) { this.useHalfSpread = value; return this; }

    public Builder lotSize(double value) { this.lotSize = value; return this; }

    public Builder instrument(HedgeInstrument value) { this.instrument = value; return this; }

    public Builder contractSize(double value) { this.contractSize = value; return this; }

    public Builder futureExpiry(double value) { this.futureExpiry = value; return this; }

    public Builder rate(double value) { this.rate = value; return this; }

    public Builder yield(double value) { this.yield = value; return this; }

    public Builder hedgeVol(double value) { this.hedgeVol = value; return this; }

    public Builder fundingRate(double value) { this.fundingRate = value; return this; }

    public Builder hedgeDelta(HedgeDelta value) { this.hedgeDelta = value; return this; }

    /** Cash dividends with ex-dates on the observations' clock; see {@link HedgePolicy#dividends()}. */
    public Builder dividends(CashDividends value) { this.dividends = value; return this; }

    /** The policy; throws {@link InvalidInputException} naming the first bad field. */
    public HedgePolicy build() {
      return new HedgePolicy(this);
    }
  }
}
