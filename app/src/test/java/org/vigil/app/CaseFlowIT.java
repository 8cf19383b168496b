package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cases.Attachment;
import org.vigil.cases.CaseDesk;
import org.vigil.cases.NoticeNumber;
import org.vigil.contract.StaffClient;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Channel;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.NoticeRenderer;
import org.vigil.notice.OutgoingNotice;
import org.vigil.payment.IncomingPayment;
import org.vigil.payment.PaymentWebhook;
import org.vigil.plate.Plate;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/**
 * The case life cycle end to end, through the HTTP API of a real Vigil on a real PostgreSQL, with
 * fakes only for the outside world (registry, renderer, e-mail channel, payment provider): a
 * simulated speeder becomes a case in review, is confirmed with a signature anyone can check, its
 * keeper is looked up, its notice issued and delivered, and a webhook payment inside the discount
 * window settles it; a second case is appealed and the appeal upheld; a third is rejected by a
 * reviewer whose rejections need a second reviewer, and a supervisor confirms the rejection; the
 * transparency report counts them all.
 */
class CaseFlowIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SUPERVISOR = "sofia";
  static final String SUPERVISOR_PASSWORD = "integration-test-supervisor-password";

  @TempDir Path dir;

  /** The registry of the test: every plate is Aigerim's. */
  static final class FakeRegistry implements KeeperRegistry {
    final List<Plate> asked = new CopyOnWriteArrayList<>();

    @Override
    public Lookup lookup(Plate plate, Instant at) {
      asked.add(plate);
      return new Lookup.Found(
          new Keeper(
              "Aigerim Sadykova",
              new PostalAddress(List.of("Abai 10", "Almaty 050000"), "KZ"),
              "aigerim@example.kz",
              null,
              Language.RU));
    }
  }

  /** A webhook whose signature is the header {@code x-test-signature: good}. */
  static final class FakeWebhook implements PaymentWebhook {
    @Override
    public Verdict verify(Map<String, String> headers, byte[] body) {
      if (!"good".equals(headers.get("x-test-signature"))) {
        return new Verdict.Rejected("signature does not match");
      }
      try {
        JsonNode p = JSON.readTree(body);
        return new Verdict.Accepted(
            new IncomingPayment(
                IncomingPayment.Source.PROVIDER,
                p.path("id").asText(),
                p.path("reference").asText(),
                new BigDecimal(p.path("amount").asText()),
                p.path("currency").asText(),
                Instant.parse(p.path("paidAt").asText())));
      } catch (Exception e) {
        return new Verdict.Rejected("body is not a payment");
      }
    }
  }

  static final class FakeRenderer implements NoticeRenderer {
    @Override
    public byte[] pdf(NoticeLetter letter) {
      return ("%PDF-fake " + letter.noticeNumber()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String emailSubject(NoticeLetter letter) {
      return "Notice " + letter.noticeNumber();
    }

    @Override
    public String emailBody(NoticeLetter letter) {
      return "Pay " + letter.amount();
    }

    @Override
    public String sms(NoticeLetter letter) {
      return letter.noticeNumber();
    }
  }

  static final class RecordingEmail implements NoticeChannel {
    final List<OutgoingNotice> sent = new CopyOnWriteArrayList<>();

    @Override
    public Channel channel() {
      return Channel.EMAIL;
    }

    @Override
    public void deliver(OutgoingNotice notice) {
      sent.add(notice);
    }
  }

  @Test
  void reviewKeeperNoticePaymentAppealAndRejectionEndToEnd() throws Exception {
    FakeRegistry registry = new FakeRegistry();
    RecordingEmail email = new RecordingEmail();
    CasePorts ports =
        CasePorts.none()
            .withRegistry(registry)
            .withRenderer(new FakeRenderer())
            .withChannels(List.of(email))
            .withWebhook(new FakeWebhook());
    VigilConfig config = TestVigil.config(dir, SitesBuilder.standard());
    config =
        config.withCases(config.cases().withIntervals(Duration.ofSeconds(1), Duration.ofHours(1)));
    try (Vigil vigil = Vigil.start(config, ports)) {
      StaffClient admin = TestVigil.admin(vigil);
      StaffClient operator = TestVigil.operator(vigil);
      StaffClient supervisor = supervisor(admin, vigil);
      Instant now = Instant.now();
      List<String> plates = List.of("111PAY02", "222APL02", "333REJ02");
      for (int i = 0; i < plates.size(); i++) {
        TestVigil.post(
            vigil,
            List.of(
                DetectionBuilder.aDetection()
                    .camera("B-003")
                    .eventId("CF-" + i)
                    .at(Instant.now().minusMillis(200))
                    .plate(plates.get(i))
                    .speed(130)
                    .build()));
      }
      assertThat(operator.allViolations(""))
          .as("recorded without holds (the camera clock is in sync)")
          .hasSize(3)
          .allMatch(v -> !v.path("held").asBoolean());
      // the opener turns each violation into a case in review
      JsonNode queue =
          await(
              () -> operator.get("/api/v1/review/queue").json().path("items"), q -> q.size() == 3);
      List<String> ids = new ArrayList<>();
      for (JsonNode item : queue) {
        ids.add(item.path("id").asText());
        assertThat(item.path("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(item.path("evidence").path("camera").path("clockStatus").asText())
            .isIn("IN_SYNC", "UNKNOWN");
      }
      assertThat(queue.get(0).path("evidence").path("plate").asText()).isEqualTo(plates.get(0));
      assertThat(registry.asked).as("no keeper before confirmation").isEmpty();
      assertThat(admin.get("/api/v1/review/queue").status())
          .as("break-glass needed")
          .isEqualTo(403);

      // 1: confirmed, signed, keeper, notice, delivery, payment in the discount window
      String paid = ids.get(0);
      StaffClient.Response confirm =
          operator.post("/api/v1/cases/" + paid + "/review", "{\"decision\":\"confirm\"}");
      assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
      assertThat(confirm.json().path("state").asText()).isEqualTo("NOTICE_ISSUED");
      assertThat(registry.asked).extracting(Plate::text).containsExactly(plates.get(0));
      JsonNode c1 = operator.get("/api/v1/cases/" + paid).json();
      String notice = c1.path("notice").asText();
      assertThat(notice).hasSize(13);
      assertThat(c1.path("keeper").path("name").asText()).isEqualTo("Aigerim Sadykova");
      assertThat(c1.path("amounts").path("currency").asText()).isEqualTo("KZT");
      BigDecimal discounted = new BigDecimal(c1.path("amounts").path("discountedAmount").asText());
      assertThat(discounted).isLessThan(new BigDecimal(c1.path("amounts").path("amount").asText()));
      assertThat(c1.path("deadlines").path("discountLastDay").asText()).isNotEmpty();

      JsonNode reviews = operator.get("/api/v1/cases/" + paid + "/reviews").json().path("items");
      assertThat(reviews).hasSize(1);
      assertThat(reviews.get(0).path("verified").asBoolean()).isTrue();
      assertThat(verifiesByHand(reviews.get(0))).as("anyone can verify it").isTrue();
      JsonNode auditorView = admin.get("/api/v1/cases/" + paid + "/history").json();
      assertThat(auditorView.path("items"))
          .extracting(e -> e.path("action").asText())
          .containsExactly("case.open", "review.confirm", "keeper.found", "notice.issue");

      // one delivery per channel the keeper can receive: e-mail (has an address) and post
      JsonNode outbox = operator.get("/api/v1/outbox").json().path("items");
      assertThat(outbox)
          .filteredOn(d -> d.path("caseId").asText().equals(paid))
          .extracting(d -> d.path("channel").asText())
          .containsExactlyInAnyOrder("EMAIL", "POST");
      await(() -> email.sent.size(), n -> n == 1);
      assertThat(email.sent.getFirst().letter().noticeNumber()).isEqualTo(notice);
      assertThat(new String(email.sent.getFirst().pdf(), StandardCharsets.UTF_8))
          .startsWith("%PDF");
      await(
          () -> operator.get("/api/v1/outbox?status=sent").json().path("items").size(),
          n -> n == 1);

      String payment =
          "{\"id\":\"tx-1\",\"reference\":\""
              + notice
              + "\",\"amount\":\""
              + discounted.toPlainString()
              + "\",\"currency\":\"KZT\",\"paidAt\":\""
              + Instant.now()
              + "\"}";
      assertThat(webhook(vigil, payment, "bad").statusCode()).isEqualTo(401);
      var settled = webhook(vigil, payment, "good");
      assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
      assertThat(settled.body()).contains("\"result\":\"SETTLED\"");
      assertThat(webhook(vigil, payment, "good").body()).contains("\"result\":\"DUPLICATE\"");
      assertThat(operator.get("/api/v1/cases/" + paid).json().path("state").asText())
          .isEqualTo("PAID");
      assertThat(
              operator
                  .get("/api/v1/cases?notice=" + notice)
                  .json()
                  .path("items")
                  .get(0)
                  .path("id")
                  .asText())
          .isEqualTo(paid);
      assertThat(operator.get("/api/v1/cases?notice=123").status()).isEqualTo(400);
      assertThat(operator.get("/api/v1/cases").status()).isEqualTo(400);

      // 2: confirmed, then appealed through the portal's service and upheld
      String appealed = ids.get(1);
      assertThat(
              operator
                  .post("/api/v1/cases/" + appealed + "/review", "{\"decision\":\"confirm\"}")
                  .status())
          .isEqualTo(200);
      NoticeNumber n2 =
          NoticeNumber.parse(
              operator.get("/api/v1/cases/" + appealed).json().path("notice").asText());
      CaseDesk desk = vigil.caseDesk();
      assertThat(desk.portal(n2, Plate.of("999XXX02", "KZ"))).as("wrong plate").isEmpty();
      assertThat(desk.portal(n2, Plate.of(plates.get(1), "KZ"))).isPresent();
      assertThat(
              desk.fileAppeal(
                  n2,
                  Plate.of(plates.get(1), "KZ"),
                  "Я продал машину до нарушения",
                  List.of(new Attachment("contract.pdf", "application/pdf", new byte[] {37, 80}))))
          .isInstanceOf(CaseDesk.Answer.Done.class);
      JsonNode appeals = operator.get("/api/v1/appeals/queue").json().path("items");
      assertThat(appeals).hasSize(1);
      assertThat(appeals.get(0).path("text").asText()).isEqualTo("Я продал машину до нарушения");
      String appealId = appeals.get(0).path("id").asText();
      assertThat(operator.get("/api/v1/appeals/" + appealId + "/attachments/0").body())
          .isEqualTo("%P");
      StaffClient.Response badOutcome =
          operator.post(
              "/api/v1/appeals/" + appealId + "/decision",
              "{\"outcome\":\"maybe\",\"reasons\":\"x\"}");
      assertThat(badOutcome.status()).isEqualTo(400);
      assertThat(badOutcome.body()).contains("'maybe'");
      StaffClient.Response upheld =
          operator.post(
              "/api/v1/appeals/" + appealId + "/decision",
              "{\"outcome\":\"uphold\",\"reasons\":\"the sale contract predates the offence\"}");
      assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
      assertThat(upheld.json().path("state").asText()).isEqualTo("CANCELLED");
      assertThat(
              desk.portal(n2, Plate.of(plates.get(1), "KZ"))
                  .orElseThrow()
                  .appeals()
                  .getFirst()
                  .reasons())
          .isEqualTo("the sale contract predates the offence");

      // 3: rejected; the operator's rejection share is above 30 %, so a supervisor confirms it
      String rejected = ids.get(2);
      StaffClient.Response noReason =
          operator.post("/api/v1/cases/" + rejected + "/review", "{\"decision\":\"reject\"}");
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.body()).contains("rejection reason 'null'");
      StaffClient.Response reject =
          operator.post(
              "/api/v1/cases/" + rejected + "/review",
              "{\"decision\":\"reject\",\"reason\":\"EMERGENCY_VEHICLE\",\"note\":\"ambulance on call\"}");
      assertThat(reject.status()).as(reject.body()).isEqualTo(200);
      assertThat(reject.json().path("state").asText()).isEqualTo("SECOND_REVIEW");
      StaffClient.Response again =
          operator.post(
              "/api/v1/cases/" + rejected + "/review",
              "{\"decision\":\"reject\",\"reason\":\"EMERGENCY_VEHICLE\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body()).contains("a second review needs a supervisor");
      StaffClient.Response second =
          supervisor.post(
              "/api/v1/cases/" + rejected + "/review",
              "{\"decision\":\"reject\",\"reason\":\"EMERGENCY_VEHICLE\",\"note\":\"confirmed\"}");
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      assertThat(second.json().path("state").asText()).isEqualTo("REJECTED");
      assertThat(operator.get("/api/v1/cases/" + rejected + "/reviews").json().path("items"))
          .extracting(r -> r.path("stage").asText() + " " + r.path("verified").asBoolean())
          .containsExactly("first true", "second true");
      assertThat(
              operator
                  .post("/api/v1/cases/" + rejected + "/review", "{\"decision\":\"confirm\"}")
                  .status())
          .isEqualTo(409);

      // the audit log holds the decisions and views, never a plate or a name
      String audit = admin.get("/api/v1/audit/entries?limit=1000").body();
      assertThat(audit).contains("case.review", "keeper.lookup", "notice.issue", "appeal.decide");
      for (String p : plates) {
        assertThat(audit).doesNotContain(p);
      }
      assertThat(audit).doesNotContain("Aigerim");

      // the transparency report counts them (small counts published as suppressed)
      JsonNode report = JSON.readTree(get(vigil, "/api/v1/transparency"));
      assertThat(values(report, "notices", "status")).contains("issued", "paid", "cancelled");
      assertThat(values(report, "appeals", "outcome")).contains("filed", "upheld");
      assertThat(values(report, "review-rejections", "reason")).contains("EMERGENCY_VEHICLE");
      assertThat(Files.list(config.dataDir().resolve("keys").resolve("reviewers")).count())
          .as("private and public key files of two reviewers")
          .isEqualTo(4);
    }
  }

  static List<String> values(JsonNode report, String dataset, String dimension) {
    for (JsonNode d : report.path("datasets")) {
      if (d.path("name").asText().equals(dataset)) {
        assertThat(d.path("recorded").asBoolean()).as(dataset).isTrue();
        List<String> out = new ArrayList<>();
        for (JsonNode row : d.path("rows")) {
          out.add(row.path(dimension).asText());
        }
        return out;
      }
    }
    throw new AssertionError("no dataset " + dataset);
  }

  /** What anyone does with the published decision: rebuild nothing, check the signature. */
  static boolean verifiesByHand(JsonNode review) throws Exception {
    byte[] key = Base64.getDecoder().decode(review.path("publicKey").asText());
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key)));
    String canonical = review.path("canonical").asText();
    assertThat(canonical)
        .contains("\ncase=" + review.path("caseId").asText() + "\n")
        .contains("\ndecision=" + review.path("decision").asText() + "\n")
        .contains("\nevidence=" + review.path("evidence").asText() + "\n");
    s.update(canonical.getBytes(StandardCharsets.UTF_8));
    return s.verify(Base64.getDecoder().decode(review.path("signature").asText()));
  }

  static StaffClient supervisor(StaffClient admin, Vigil vigil) {
    StaffClient.Response r =
        admin.post(
            "/api/v1/admin/users",
            "{\"username\":\""
                + SUPERVISOR
                + "\",\"password\":\""
                + SUPERVISOR_PASSWORD
                + "\",\"role\":\"SUPERVISOR\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new StaffClient(vigil.url(), SUPERVISOR, SUPERVISOR_PASSWORD);
  }

  static java.net.http.HttpResponse<String> webhook(Vigil vigil, String body, String signature)
      throws Exception {
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      return http.send(
          java.net.http.HttpRequest.newBuilder(vigil.url().resolve("/api/v1/payments/webhook"))
              .header("Content-Type", "application/json")
              .header("X-Test-Signature", signature)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }

  static String get(Vigil vigil, String path) throws Exception {
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      return http.send(
              java.net.http.HttpRequest.newBuilder(vigil.url().resolve(path)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T value = read.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + value + " after 30 s");
      }
      Thread.sleep(200);
      value = read.get();
    }
    return value;
  }
}
