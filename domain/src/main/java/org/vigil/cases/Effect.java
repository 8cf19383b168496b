package org.vigil.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.vigil.keeper.Keeper;
import org.vigil.notice.Channel;
import org.vigil.payment.IncomingPayment;
import org.vigil.retention.RetentionClass;

/** What a {@link CaseStore} writes with a transition, in the same transaction. */
public sealed interface Effect {
  /** A signed review decision. */
  record Review(SignedReview review) implements Effect {
    public Review {
      Objects.requireNonNull(review, "review");
    }
  }

  /** The keeper the registry named, sealed with the case's personal data. */
  record KeeperFound(Keeper keeper) implements Effect {
    public KeeperFound {
      Objects.requireNonNull(keeper, "keeper");
    }
  }

  /** The notice (number and day on the case) and one outbox delivery per channel. */
  record Notice(List<Channel> channels) implements Effect {
    public Notice {
      channels = List.copyOf(channels);
    }
  }

  /** A payment and what it did. */
  record Payment(IncomingPayment payment, Settlement settlement) implements Effect {
    public Payment {
      Objects.requireNonNull(payment, "payment");
      Objects.requireNonNull(settlement, "settlement");
    }
  }

  /** A new appeal. */
  record AppealFiled(Appeal appeal) implements Effect {
    public AppealFiled {
      Objects.requireNonNull(appeal, "appeal");
    }
  }

  /** An appeal decided (the appeal as it is now). */
  record AppealDecided(Appeal appeal) implements Effect {
    public AppealDecided {
      Objects.requireNonNull(appeal, "appeal");
    }
  }

  /**
   * The case's personal data is kept as {@code retentionClass} until {@code expiresOn} (UTC): its
   * data key is re-wrapped under that class's key of that day, or, while a legal hold holds it, the
   * new expiry is recorded for the hold's release.
   */
  record Retain(RetentionClass retentionClass, LocalDate expiresOn) implements Effect {
    public Retain {
      Objects.requireNonNull(retentionClass, "retentionClass");
      Objects.requireNonNull(expiresOn, "expiresOn");
    }
  }
}
