package org.vigil.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;

/**
 * When a finished case is closed, and what its personal data's retention becomes then.
 *
 * <p>The deadline sweep closes a case of {@link #AUTOMATIC} (PAID, CANCELLED, REJECTED, REFERRED,
 * KEEPER_UNKNOWN) once {@code settle} has passed since its last transition, so that refunds and
 * late appeals or payments still find it open (default {@code P30D}, {@code VIGIL_CLOSE_AFTER}). A
 * case in COLLECTION is closed only by a supervisor ({@link #bySupervisor}), who knows when the
 * collection is over. No case is closed while a legal hold is on it or while a refund is owed
 * ({@link Case#refundDue()} above 0): the money must go back first, and a hold keeps the case as it
 * is.
 *
 * <p>At closure the case's data key moves to the key of its class and the day closure + the class's
 * period ({@link #retention}): a REJECTED case under {@link RetentionClass#REJECTED}, every other
 * under {@link RetentionClass#CASE} (the limitation period runs from the closure).
 *
 * @param settle how long a finished case stays open after its last transition; positive
 */
public record ClosingPolicy(Duration settle) {
  /** The default settle period: 30 days, long enough for refunds and late appeals. */
  public static final Duration DEFAULT_SETTLE = Duration.ofDays(30);

  /** The states the sweep closes by itself once settled. */
  public static final Set<CaseState> AUTOMATIC =
      EnumSet.of(
          CaseState.PAID,
          CaseState.CANCELLED,
          CaseState.REJECTED,
          CaseState.REFERRED,
          CaseState.KEEPER_UNKNOWN);

  public ClosingPolicy {
    Objects.requireNonNull(settle, "settle");
    if (settle.isNegative() || settle.isZero()) {
      throw new IllegalArgumentException("the settle period must be positive, was " + settle);
    }
  }

  /** The default policy: {@link #DEFAULT_SETTLE}. */
  public static ClosingPolicy defaults() {
    return new ClosingPolicy(DEFAULT_SETTLE);
  }

  /** What the policy says of a case. */
  public sealed interface Verdict {
    /** Close it, for {@code reason} (the history's why). */
    record Close(String reason) implements Verdict {}

    /** Keep it open, because of {@code reason}. */
    record Keep(String reason) implements Verdict {}
  }

  /**
   * Whether the sweep closes {@code c} at {@code now}.
   *
   * @param lastTransition when the case last changed (its newest history row)
   * @param held whether a legal hold is on its violation
   */
  public Verdict bySweep(Case c, Instant lastTransition, boolean held, Instant now) {
    Objects.requireNonNull(lastTransition, "lastTransition");
    if (c.state() == CaseState.COLLECTION) {
      return new Verdict.Keep("case " + c.id() + " is in COLLECTION: only a supervisor closes it");
    }
    if (!AUTOMATIC.contains(c.state())) {
      return new Verdict.Keep("case " + c.id() + " is " + c.state() + ", not finished");
    }
    Verdict.Keep blocked = blocked(c, held);
    if (blocked != null) {
      return blocked;
    }
    Instant settled = lastTransition.plus(settle);
    if (now.isBefore(settled)) {
      return new Verdict.Keep("case " + c.id() + " settles until " + settled);
    }
    return new Verdict.Close(
        "finished as "
            + c.state()
            + "; nothing happened for "
            + settle
            + " since "
            + lastTransition);
  }

  /**
   * Whether a supervisor may close {@code c} now, for {@code reason}: any state a case may be
   * closed from ({@link CaseState#CLOSABLE}, COLLECTION included), without waiting for the settle
   * period, but never while held or while a refund is owed.
   */
  public Verdict bySupervisor(Case c, boolean held, String reason) {
    if (!CaseState.CLOSABLE.contains(c.state())) {
      return new Verdict.Keep(
          "case " + c.id() + " is " + c.state() + "; closing needs one of " + CaseState.CLOSABLE);
    }
    Verdict.Keep blocked = blocked(c, held);
    return blocked != null ? blocked : new Verdict.Close(reason);
  }

  private static Verdict.Keep blocked(Case c, boolean held) {
    if (held) {
      return new Verdict.Keep("case " + c.id() + " is under a legal hold");
    }
    if (c.refundDue().signum() > 0) {
      return new Verdict.Keep(
          "case " + c.id() + " owes a refund of " + c.refundDue().toPlainString());
    }
    return null;
  }

  /**
   * The retention of a case's personal data once closed at {@code closedAt} from {@code from}: the
   * key of class REJECTED for a rejected case, CASE otherwise, and the UTC day {@code closedAt} +
   * that class's period.
   */
  public static Effect.Retain retention(CaseState from, RetentionPolicy policy, Instant closedAt) {
    RetentionClass c = from == CaseState.REJECTED ? RetentionClass.REJECTED : RetentionClass.CASE;
    return new Effect.Retain(c, policy.expiryDay(c, closedAt));
  }
}
