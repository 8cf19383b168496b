package org.vigil.http.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vigil.cases.RejectionReason;
import org.vigil.enforcement.ViolationType;
import org.vigil.http.auth.Accounts;

/** The port in memory, recording what the pages asked for. */
final class FakeOperatorDesk implements OperatorDesk {
  final Map<UUID, CaseView> cases = new LinkedHashMap<>();
  final Map<UUID, String> notices = new LinkedHashMap<>();
  final Map<UUID, AppealView> appeals = new LinkedHashMap<>();
  final Map<UUID, FailedDelivery> failed = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  Outcome next = new Outcome.Accepted("done");

  UUID addCase(Instant observedAt, String place, String plate) {
    UUID id = UUID.randomUUID();
    cases.put(
        id,
        new CaseView(
            id,
            "IN_REVIEW",
            null,
            ViolationType.SPEED,
            place,
            "B-003",
            observedAt,
            ZoneId.of("Asia/Almaty"),
            plate,
            127.4,
            122.0,
            100,
            "122 km/h where 100 km/h applies",
            java.time.LocalDate.parse("2027-03-01"),
            200L,
            2000L,
            List.of(),
            1,
            true,
            null,
            null));
    return id;
  }

  void issue(UUID id, String notice) {
    notices.put(id, notice);
  }

  UUID addAppeal(UUID caseId, String notice, Instant submittedAt, String text) {
    UUID id = UUID.randomUUID();
    appeals.put(
        id,
        new AppealView(
            id,
            notice,
            submittedAt,
            "ru",
            text,
            List.of("photo.jpg"),
            false,
            false,
            "",
            cases.get(caseId)));
    return id;
  }

  @Override
  public Counts counts() {
    return new Counts(cases.size(), 0, appeals.size(), failed.size());
  }

  @Override
  public List<ReviewItem> reviewQueue(Accounts.SignedIn staff) {
    calls.add("queue " + staff.username());
    // deliberately not in order: the page must show oldest first
    List<ReviewItem> items = new ArrayList<>();
    for (CaseView c : cases.values()) {
      if (c.reviewable()) {
        items.addFirst(
            new ReviewItem(
                c.id(),
                c.type(),
                c.place(),
                c.observedAt(),
                java.time.LocalDate.parse("2026-11-16"),
                false,
                false));
      }
    }
    return items;
  }

  @Override
  public Optional<CaseView> caseView(UUID id, Accounts.SignedIn staff) {
    calls.add("view " + id + " " + staff.username());
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public Optional<Image> evidenceImage(UUID id, int index, Accounts.SignedIn staff) {
    calls.add("image " + id + " " + index);
    return cases.containsKey(id) && index == 0
        ? Optional.of(new Image("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
        : Optional.empty();
  }

  @Override
  public Outcome confirm(UUID id, Accounts.SignedIn staff) {
    calls.add("confirm " + id + " " + staff.username());
    return next;
  }

  @Override
  public Outcome reject(UUID id, RejectionReason reason, String text, Accounts.SignedIn staff) {
    calls.add("reject " + id + " " + reason + " " + text + " " + staff.username());
    return next;
  }

  @Override
  public List<AppealItem> appealQueue(Accounts.SignedIn staff) {
    List<AppealItem> items = new ArrayList<>();
    for (AppealView a : appeals.values()) {
      items.addFirst(new AppealItem(a.id(), a.evidence().id(), a.noticeNumber(), a.submittedAt()));
    }
    return items;
  }

  @Override
  public Optional<AppealView> appeal(UUID id, Accounts.SignedIn staff) {
    calls.add("appeal " + id);
    return Optional.ofNullable(appeals.get(id));
  }

  @Override
  public Optional<Image> appealAttachment(UUID id, int index, Accounts.SignedIn staff) {
    return appeals.containsKey(id) && index == 0
        ? Optional.of(new Image("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
        : Optional.empty();
  }

  @Override
  public Outcome decideAppeal(UUID id, boolean upheld, String reasons, Accounts.SignedIn staff) {
    calls.add("decide " + id + " " + upheld + " " + reasons + " " + staff.username());
    return next;
  }

  @Override
  public Optional<UUID> findByNotice(String noticeNumber, Accounts.SignedIn staff) {
    calls.add("find " + noticeNumber);
    return notices.entrySet().stream()
        .filter(e -> e.getValue().equals(noticeNumber))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public Optional<CaseHistory> history(UUID id, Accounts.SignedIn staff) {
    calls.add("history " + id);
    CaseView c = cases.get(id);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CaseHistory(
            id,
            notices.get(id),
            "NOTICE_ISSUED",
            c.type(),
            List.of(
                new Transition(c.observedAt().plusSeconds(60), null, "IN_REVIEW", "system", ""),
                new Transition(
                    c.observedAt().plusSeconds(3600),
                    "IN_REVIEW",
                    "CONFIRMED",
                    "account:0123456789abcdef0123",
                    "signed review"),
                new Transition(
                    c.observedAt().plusSeconds(7200),
                    "CONFIRMED",
                    "NOTICE_ISSUED",
                    "system",
                    "notice " + notices.get(id)))));
  }

  @Override
  public List<FailedDelivery> failedDeliveries(Accounts.SignedIn staff) {
    return List.copyOf(failed.values());
  }

  @Override
  public Outcome retryDelivery(UUID id, Accounts.SignedIn staff) {
    calls.add("retry " + id);
    return next;
  }
}
