package org.gammaxl.ledger;

import java.util.Objects;
import org.gammaxl.vol.SviSurface;

/**
 * How the {@link HedgeLedger} marks its legs: the {@link SmileDynamics} of each leg's vol and the
 * {@link Revaluation} schedule of the pricer, and optionally the vol surface the legs are marked on. Immutable.
 *
 * <p>On a surface ({@link #onSurface}) each leg's vol at every event is the surface's at its strike and remaining
 * expiry τ, read at log-moneyness ln(K/F) with F = S_ref·e^{(r − q)·τ}, S_ref escrowed (less the present value of the
 * dividends to the leg's expiry) as GX.PRICE reads a surface: under STICKY_MONEYNESS S_ref is the event's
 * spot (the surface moves with the forward), under STICKY_STRIKE the first event's spot (the surface stays fixed in
 * strike; only the time left moves the leg along it). The legs' own vols and the vol marks are not used for
 * marking then.
 */
public final class Marking {
  /** STICKY_STRIKE, revalued at every event: what a single-leg ledger has always done. */
  public static final Marking DEFAULT = new Marking(SmileDynamics.STICKY_STRIKE, Revaluation.EVERY_EVENT, null);

  private final SmileDynamics smile;
  private final Revaluation revaluation;
  private final SviSurface surface;

  private Marking(SmileDynamics smile, Revaluation revaluation, SviSurface surface) {
    this.smile = smile;
    this.revaluation = revaluation;
    this.surface = surface;
  }

  /** A marking of the given smile dynamics and revaluation schedule. */
  public static Marking of(SmileDynamics smile, Revaluation revaluation) {
    return new Marking(Objects.requireNonNull(smile, "smile"), Objects.requireNonNull(revaluation, "revaluation"),
        null);
  }

  /** This marking with every leg marked on {@code surface} (see the class notes). */
  public Marking onSurface(SviSurface surface) {
    return new Marking(smile, revaluation, Objects.requireNonNull(surface, "surface"));
  }

  /** The surface the legs are marked on, or {@code null} when each leg keeps its skew offset to the mark. */
  public SviSurface surface() { return surface; }

  public SmileDynamics smile() { return smile; }

  public Revaluation revaluation() { return revaluation; }

  @Override
  public String toString() {
    return "Marking{smile=" + smile + ", revaluation=" + revaluation + (surface == null ? "" : ", " + surface) + '}';
  }
}
