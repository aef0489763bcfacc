package org.gammaxl.ledger;

import java.util.Objects;

/**
 * How the {@link HedgeLedger} marks its legs: the {@link SmileDynamics} of each leg's vol and the
 * {@link Revaluation} schedule of the pricer. Immutable.
 */
public final class Marking {
  /** STICKY_STRIKE, revalued at every event: what a single-leg ledger has always done. */
  public static final Marking DEFAULT = new Marking(SmileDynamics.STICKY_STRIKE, Revaluation.EVERY_EVENT);

  private final SmileDynamics smile;
  private final Revaluation revaluation;

  private Marking(SmileDynamics smile, Revaluation revaluation) {
    this.smile = smile;
    this.revaluation = revaluation;
  }

  /** A marking of the given smile dynamics and revaluation schedule. */
  public static Marking of(SmileDynamics smile, Revaluation revaluation) {
    return new Marking(Objects.requireNonNull(smile, "smile"), Objects.requireNonNull(revaluation, "revaluation"));
  }

  public SmileDynamics smile() { return smile; }

  public Revaluation revaluation() { return revaluation; }

  @Override
  public String toString() {
    return "Marking{smile=" + smile + ", revaluation=" + revaluation + '}';
  }
}
