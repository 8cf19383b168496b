package org.vigil.http.portal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;

/** The port in memory: one notice per number, with its plate. */
final class FakePortalDesk implements PortalDesk {
  final Map<String, String> plates = new LinkedHashMap<>();
  final Map<String, PortalCase> cases = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<List<File>> filed = new ArrayList<>();

  void add(String notice, String plate) {
    plates.put(notice, plate);
    cases.put(
        notice,
        new PortalCase(
            notice,
            "NOTICE_ISSUED",
            ViolationType.SPEED,
            "A10 km 12 northbound",
            Instant.parse("2026-11-02T07:30:00Z"),
            ZoneId.of("Asia/Almaty"),
            plate,
            127.4,
            122.0,
            100,
            "CoAO RK art. 592 part 2",
            new BigDecimal("58980"),
            "KZT",
            new BigDecimal("29490"),
            LocalDate.parse("2026-11-09"),
            LocalDate.parse("2026-12-02"),
            BigDecimal.ZERO,
            new BigDecimal("29490"),
            1,
            "https://pay.example/?ref=" + notice,
            LocalDate.parse("2026-11-12"),
            null));
  }

  @Override
  public Optional<PortalCase> open(String noticeNumber, String plateText) {
    calls.add("open " + noticeNumber);
    String plate = plates.get(noticeNumber);
    return plate != null && plate.equalsIgnoreCase(plateText.replace(" ", ""))
        ? Optional.of(cases.get(noticeNumber))
        : Optional.empty();
  }

  @Override
  public Optional<PortalCase> view(String noticeNumber) {
    calls.add("view " + noticeNumber);
    return Optional.ofNullable(cases.get(noticeNumber));
  }

  @Override
  public Optional<byte[]> noticePdf(String noticeNumber, Language language) {
    calls.add("pdf " + noticeNumber + " " + language.tag());
    return Optional.of(("%PDF-1.7 " + noticeNumber).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Optional<File> evidenceImage(String noticeNumber, int index) {
    return index == 0
        ? Optional.of(
            new File("", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
        : Optional.empty();
  }

  @Override
  public AppealOutcome appeal(
      String noticeNumber, String text, List<File> attachments, Language language) {
    calls.add("appeal " + noticeNumber + " " + language.tag() + " " + text);
    PortalCase c = cases.get(noticeNumber);
    if (c.appeal() != null) {
      return new AppealOutcome.Refused(Refusal.ALREADY_APPEALED);
    }
    filed.add(attachments);
    cases.put(
        noticeNumber,
        new PortalCase(
            c.noticeNumber(),
            "APPEALED",
            c.type(),
            c.place(),
            c.observedAt(),
            c.zone(),
            c.plateText(),
            c.measuredKmh(),
            c.retainedKmh(),
            c.limitKmh(),
            c.legalBasis(),
            c.amount(),
            c.currency(),
            c.discountedAmount(),
            c.discountLastDay(),
            c.payBy(),
            c.paid(),
            c.due(),
            c.images(),
            c.payUrl(),
            c.appealUntil(),
            new PortalAppeal(
                Instant.parse("2026-11-05T10:00:00Z"), AppealStatus.PENDING, "", null)));
    return new AppealOutcome.Filed();
  }

  /** The case of {@code notice} as an installation without a payment provider's page shows it. */
  void withoutPaymentPage(String notice) {
    PortalCase c = cases.get(notice);
    cases.put(
        notice,
        new PortalCase(
            c.noticeNumber(),
            c.state(),
            c.type(),
            c.place(),
            c.observedAt(),
            c.zone(),
            c.plateText(),
            c.measuredKmh(),
            c.retainedKmh(),
            c.limitKmh(),
            c.legalBasis(),
            c.amount(),
            c.currency(),
            c.discountedAmount(),
            c.discountLastDay(),
            c.payBy(),
            c.paid(),
            c.due(),
            c.images(),
            null,
            c.appealUntil(),
            c.appeal()));
  }

  void decide(String notice, AppealStatus status, String reasons) {
    PortalCase c = cases.get(notice);
    cases.put(
        notice,
        new PortalCase(
            c.noticeNumber(),
            status == AppealStatus.UPHELD ? "CANCELLED" : "NOTICE_ISSUED",
            c.type(),
            c.place(),
            c.observedAt(),
            c.zone(),
            c.plateText(),
            c.measuredKmh(),
            c.retainedKmh(),
            c.limitKmh(),
            c.legalBasis(),
            c.amount(),
            c.currency(),
            c.discountedAmount(),
            c.discountLastDay(),
            c.payBy(),
            c.paid(),
            status == AppealStatus.UPHELD ? BigDecimal.ZERO : c.due(),
            c.images(),
            status == AppealStatus.UPHELD ? null : c.payUrl(),
            null,
            new PortalAppeal(
                c.appeal().submittedAt(), status, reasons, Instant.parse("2026-11-06T10:00:00Z"))));
  }
}
