package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small policies, the notice number and the review signatures. */
class PoliciesTest {
  @Test
  void secondReviewWhenTheRejectionShareIsAboveTheLimit() {
    SecondReviewPolicy p = new SecondReviewPolicy(10, 0.3);
    // this rejection plus 2 of 9 earlier: 3/10, not above 30 %
    List<Boolean> two = List.of(true, true, false, false, false, false, false, false, false);
    assertThat(p.needsSecondReview(two)).isFalse();
    List<Boolean> three = List.of(true, true, true, false, false, false, false, false, false);
    assertThat(p.needsSecondReview(three)).isTrue();
    // only the window counts: old rejections beyond it are forgotten
    List<Boolean> old =
        List.of(false, false, false, false, false, false, false, false, false, true, true, true);
    assertThat(p.needsSecondReview(old)).isFalse();
    assertThat(p.needsSecondReview(List.of())).isTrue();
    assertThat(new SecondReviewPolicy(10, 1.0).needsSecondReview(List.of())).isFalse();
    assertThatThrownBy(() -> new SecondReviewPolicy(0, 0.3)).hasMessageContaining("was 0");
  }

  @Test
  void noticeDeadlineFlagsAndBarsByDayInTheZone() {
    NoticeDeadlinePolicy p = new NoticeDeadlinePolicy(3);
    CaseTerms t = Cases.fine(); // 60 days, Almaty
    Instant observed = Instant.parse("2026-11-02T20:00:00Z"); // 3 Nov in Almaty
    assertThat(p.deadline(t, observed)).isEqualTo(LocalDate.of(2027, 1, 2));
    assertThat(p.standing(t, observed, day(2026, 12, 29)))
        .isEqualTo(NoticeDeadlinePolicy.Standing.OPEN);
    assertThat(p.standing(t, observed, day(2026, 12, 30)))
        .isEqualTo(NoticeDeadlinePolicy.Standing.NEAR);
    assertThat(p.standing(t, observed, day(2027, 1, 2)))
        .isEqualTo(NoticeDeadlinePolicy.Standing.NEAR);
    assertThat(p.standing(t, observed, day(2027, 1, 3)))
        .isEqualTo(NoticeDeadlinePolicy.Standing.PASSED);
    assertThat(p.standing(Cases.court(), observed, day(2030, 1, 1)))
        .isEqualTo(NoticeDeadlinePolicy.Standing.NONE);
  }

  static Instant day(int y, int m, int d) {
    return LocalDate.of(y, m, d).atTime(12, 0).atZone(Cases.ALMATY).toInstant();
  }

  @Test
  void discountUpToAndIncludingItsLastDayInTheZone() {
    CaseTerms t = Cases.fine();
    LocalDate notice = LocalDate.of(2026, 3, 1);
    Instant lastMinute = LocalDate.of(2026, 3, 8).atTime(23, 59).atZone(Cases.ALMATY).toInstant();
    assertThat(DiscountPolicy.due(t, notice, lastMinute)).isEqualByComparingTo("10000");
    assertThat(DiscountPolicy.due(t, notice, lastMinute.plus(Duration.ofMinutes(1))))
        .isEqualByComparingTo("20000");
  }

  @Test
  void deliveryRetriesDoubleUpToTheLimitThenGiveUp() {
    DeliveryRetryPolicy p =
        new DeliveryRetryPolicy(4, Duration.ofMinutes(1), Duration.ofMinutes(3));
    Instant now = Cases.T0;
    assertThat(p.next(1, false, now)).isEqualTo(now.plusSeconds(60));
    assertThat(p.next(2, false, now)).isEqualTo(now.plusSeconds(120));
    assertThat(p.next(3, false, now)).isEqualTo(now.plusSeconds(180));
    assertThat(p.next(4, false, now)).isNull();
    assertThat(p.next(1, true, now)).isNull();
  }

  @Test
  void noticeNumbersAreThirteenDigitsWithALuhnCheckAndDistinct() {
    Random r = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      NoticeNumber n = NoticeNumber.random(r);
      assertThat(n.value()).hasSize(13).doesNotStartWith("0");
      assertThat(NoticeNumber.parse(n.value().substring(0, 4) + " " + n.value().substring(4)))
          .isEqualTo(n);
      seen.add(n.value());
    }
    assertThat(seen).hasSize(2000);
    assertThatThrownBy(() -> NoticeNumber.parse("1234567890127"))
        .hasMessageContaining("'1234567890127' has a wrong check digit");
    assertThatThrownBy(() -> NoticeNumber.parse("12ab")).hasMessageContaining("'12ab' is not 13");
  }

  @Test
  void aSignedDecisionVerifiesAndATamperedOneDoesNot() throws Exception {
    var key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ReviewDecision d =
        new ReviewDecision(
            UUID.randomUUID(),
            "first",
            "reject",
            "PLATE_UNREADABLE",
            "blurred",
            "account:olga",
            Cases.T0,
            "ab".repeat(32));
    SignedReview s = ReviewSignatures.sign(d, key);
    assertThat(s.verifies()).isTrue();
    assertThat(d.canonical())
        .startsWith("vigil-review-v1\ncase=" + d.caseId() + "\nstage=first\ndecision=reject\n")
        .contains("\nreviewer=account:olga\nat=2026-11-02T08:00:00Z\n");
    ReviewDecision confirmed =
        new ReviewDecision(
            d.caseId(), "first", "confirm", "", "", d.reviewer(), d.at(), d.evidence());
    assertThat(ReviewSignatures.verify(confirmed, s.signature(), s.publicKey())).isFalse();
    ReviewDecision otherNote =
        new ReviewDecision(
            d.caseId(),
            "first",
            "reject",
            "PLATE_UNREADABLE",
            "clear",
            d.reviewer(),
            d.at(),
            d.evidence());
    assertThat(ReviewSignatures.verify(otherNote, s.signature(), s.publicKey())).isFalse();
    var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThat(ReviewSignatures.verify(d, s.signature(), other.getPublic().getEncoded())).isFalse();
    assertThat(ReviewSignatures.verify(d, s.signature(), new byte[] {1, 2})).isFalse();
    assertThat(Collections.nCopies(1, s.verifies())).containsOnly(true);
  }
}
