package org.vigil.http.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;

/**
 * What the citizen portal needs from the case life cycle: the port the portal is written against.
 * The application adapts its case service to it.
 *
 * <p>Contract for implementations: {@link #open} is the only way in, and answers empty alike for an
 * unknown notice number and for a known one with another plate (compare plates after the same
 * normalisation the cameras' reads get). The other methods are called only for a notice number that
 * {@link #open} accepted earlier in the same browser; each records on the audit trail that the case
 * was seen by its citizen. Nothing here looks anything up by plate.
 */
public interface PortalDesk {

  /** The case of notice {@code noticeNumber} when {@code plateText} is its vehicle's plate. */
  Optional<PortalCase> open(String noticeNumber, String plateText);

  /** The case of notice {@code noticeNumber}, already opened with its plate. */
  Optional<PortalCase> view(String noticeNumber);

  /** The notice letter as PDF, in {@code language}. */
  Optional<byte[]> noticePdf(String noticeNumber, Language language);

  /** Evidence image {@code index} (0-based). */
  Optional<File> evidenceImage(String noticeNumber, int index);

  /**
   * Files an appeal with the citizen's {@code text} and {@code attachments} (already checked for
   * size and type by the portal), written in {@code language}.
   */
  AppealOutcome appeal(String noticeNumber, String text, List<File> attachments, Language language);

  /** A file: name as sent (may be empty), media type and bytes. */
  record File(String name, String mediaType, byte[] bytes) {
    public File {
      name = name == null ? "" : name;
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
      return "File[" + mediaType + ", " + bytes.length + " bytes]";
    }
  }

  /** What became of an appeal. */
  sealed interface AppealOutcome {
    /** Filed; it waits in the operators' queue. */
    record Filed() implements AppealOutcome {}

    /** Not filed, for {@code why}. */
    record Refused(Refusal why) implements AppealOutcome {}
  }

  /** Why an appeal was not filed. */
  enum Refusal {
    /** This notice has an appeal already. */
    ALREADY_APPEALED,
    /** The time to appeal has passed. */
    TOO_LATE,
    /** The case cannot be appealed in its state (paid, cancelled, closed). */
    NOT_APPEALABLE
  }

  /** The state of an appeal as the citizen sees it. */
  enum AppealStatus {
    PENDING,
    UPHELD,
    REJECTED
  }

  /**
   * An appeal of the case.
   *
   * @param reasons the decision's reasons; empty while pending
   * @param decidedAt when it was decided; null while pending
   */
  record PortalAppeal(Instant submittedAt, AppealStatus status, String reasons, Instant decidedAt) {
    public PortalAppeal {
      Objects.requireNonNull(submittedAt, "submittedAt");
      Objects.requireNonNull(status, "status");
      reasons = reasons == null ? "" : reasons;
    }
  }

  /**
   * The case as its citizen sees it.
   *
   * @param state e.g. {@code NOTICE_ISSUED}, {@code PAID}, {@code APPEALED}, {@code CANCELLED}
   * @param plateText the plate, as confirmed by the reviewer
   * @param measuredKmh NaN when the offence has none
   * @param retainedKmh NaN when none
   * @param limitKmh 0 when none
   * @param discountedAmount the amount if paid by {@code discountLastDay}; null when no discount
   *     (any more)
   * @param payBy the last day to pay the full amount
   * @param paid how much has been paid so far
   * @param due how much is left to pay now (the discounted amount inside the discount window); zero
   *     when nothing is
   * @param images how many evidence images there are
   * @param payUrl the payment provider's page for this notice, or null when there is none or
   *     nothing is left to pay
   * @param appealUntil the last day to appeal, or null when an appeal is no longer possible
   * @param appeal the appeal, or null when none was filed
   */
  record PortalCase(
      String noticeNumber,
      String state,
      ViolationType type,
      String place,
      Instant observedAt,
      ZoneId zone,
      String plateText,
      double measuredKmh,
      double retainedKmh,
      int limitKmh,
      String legalBasis,
      BigDecimal amount,
      String currency,
      BigDecimal discountedAmount,
      LocalDate discountLastDay,
      LocalDate payBy,
      BigDecimal paid,
      BigDecimal due,
      int images,
      String payUrl,
      LocalDate appealUntil,
      PortalAppeal appeal) {
    public PortalCase {
      Objects.requireNonNull(noticeNumber, "noticeNumber");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(place, "place");
      Objects.requireNonNull(observedAt, "observedAt");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(plateText, "plateText");
      Objects.requireNonNull(legalBasis, "legalBasis");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(payBy, "payBy");
      paid = paid == null ? BigDecimal.ZERO : paid;
      due = due == null ? BigDecimal.ZERO : due;
      if ((discountedAmount == null) != (discountLastDay == null)) {
        throw new IllegalArgumentException(
            "notice " + noticeNumber + ": a discount needs both its amount and its last day");
      }
      if (payUrl != null && !payUrl.startsWith("https://") && !payUrl.startsWith("http://")) {
        throw new IllegalArgumentException(
            "notice " + noticeNumber + ": the pay link must be http(s), was '" + payUrl + "'");
      }
    }

    @Override
    public String toString() {
      return "PortalCase[" + noticeNumber + "]";
    }
  }
}
