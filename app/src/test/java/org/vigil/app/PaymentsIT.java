package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.SitesBuilder;

/**
 * Bank statements end to end: a real Vigil on a real PostgreSQL, the statement reader wired by
 * {@link OutsideWorld} (the production {@code BankStatementCsv}), only the keeper registry a
 * stand-in. A supervisor posts a CSV to {@code POST /api/v1/payments/statements}: a good line
 * settles its case, a partial one leaves a balance, a bad line is reported by line and column
 * without costing the good ones, a transaction id seen twice (in one file, or imported again) is
 * ignored; an operator is refused.
 */
class PaymentsIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @TempDir Path dir;

  @Test
  void aStatementSettlesPaysPartlyReportsBadLinesAndIgnoresDuplicates() throws Exception {
    VigilConfig config = TestVigil.config(dir, SitesBuilder.standard());
    CasePorts ports =
        OutsideWorld.fromEnvironment(Map.of(), config.dataDir(), Clock.systemUTC())
            .withRegistry(new CaseFlowIT.FakeRegistry());
    try (Vigil vigil = Vigil.start(config, ports);
        HttpClient http = HttpClient.newHttpClient()) {
      StaffClient admin = TestVigil.admin(vigil);
      StaffClient operator = TestVigil.operator(vigil);
      CaseFlowIT.supervisor(admin, vigil);
      List<String> ids = BrowserCases.speeders(vigil, operator, List.of("606STM02", "707STM02"));
      String settled = ids.get(0);
      String partial = ids.get(1);
      for (String id : ids) {
        StaffClient.Response r =
            operator.post("/api/v1/cases/" + id + "/review", "{\"decision\":\"confirm\"}");
        assertThat(r.json().path("state").asText()).as(r.body()).isEqualTo("NOTICE_ISSUED");
      }
      JsonNode a = operator.get("/api/v1/cases/" + settled).json();
      JsonNode b = operator.get("/api/v1/cases/" + partial).json();
      BigDecimal discounted = new BigDecimal(a.path("amounts").path("discountedAmount").asText());
      String today = LocalDate.now(ALMATY).toString();
      String header = "transaction_id;booked_on;value_date;reference;amount;currency;payer_name\n";
      String good =
          "TX-1;"
              + today
              + ";"
              + today
              + ";"
              + a.path("notice").asText()
              + ";\""
              + discounted.setScale(2).toPlainString().replace('.', ',')
              + "\";KZT;Асель Нурланова\n";
      String csv =
          header
              + good
              + "TX-2;"
              + today
              + ";"
              + today
              + ";"
              + b.path("notice").asText()
              + ";5000.00;kzt;Ерлан Сапаров\n"
              + "TX-3;"
              + today
              + ";"
              + today
              + ";"
              + b.path("notice").asText()
              + ";12,5O;KZT;Ерлан Сапаров\n"
              + good.replace("Асель Нурланова", "Асель Н.");

      // an operator may not import statements
      assertThat(
              post(http, vigil, TestVigil.OPERATOR, TestVigil.OPERATOR_PASSWORD, csv).statusCode())
          .isEqualTo(403);

      HttpResponse<String> imported =
          post(http, vigil, CaseFlowIT.SUPERVISOR, CaseFlowIT.SUPERVISOR_PASSWORD, csv);
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(imported.body());
      assertThat(answer.path("payments").asInt()).isEqualTo(2);
      assertThat(answer.path("results").path("SETTLED").asInt()).isEqualTo(1);
      assertThat(answer.path("results").path("PARTIAL").asInt()).isEqualTo(1);
      assertThat(answer.path("results").path("DUPLICATE").asInt()).isZero();
      JsonNode problems = answer.path("problems");
      assertThat(problems).as(imported.body()).hasSize(2);
      assertThat(problems.get(0).asText()).startsWith("line 4, amount '12,5O': ");
      assertThat(problems.get(1).asText()).startsWith("line 5, transaction_id 'TX-1': ");
      assertThat(imported.body())
          .as("the payer's name is never repeated")
          .doesNotContain("Асель")
          .doesNotContain("Ерлан");

      JsonNode paid = operator.get("/api/v1/cases/" + settled).json();
      assertThat(paid.path("state").asText()).isEqualTo("PAID");
      assertThat(new BigDecimal(paid.path("amounts").path("paid").asText()))
          .isEqualByComparingTo(discounted);
      JsonNode owing = operator.get("/api/v1/cases/" + partial).json();
      assertThat(owing.path("state").asText()).isEqualTo("NOTICE_ISSUED");
      assertThat(new BigDecimal(owing.path("amounts").path("paid").asText()))
          .isEqualByComparingTo("5000");
      assertThat(new BigDecimal(owing.path("amounts").path("balanceDue").asText()))
          .isEqualByComparingTo(discounted.subtract(new BigDecimal("5000")));
      assertThat(
              EscalationIT.actions(
                  operator.get("/api/v1/cases/" + partial + "/history").json().path("items")))
          .endsWith("notice.issue", "payment.partial");

      // the same statement line imported again changes nothing
      HttpResponse<String> again =
          post(http, vigil, CaseFlowIT.SUPERVISOR, CaseFlowIT.SUPERVISOR_PASSWORD, header + good);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(JSON.readTree(again.body()).path("results").path("DUPLICATE").asInt())
          .isEqualTo(1);
      JsonNode after = operator.get("/api/v1/cases/" + settled).json();
      assertThat(after.path("version").asLong()).isEqualTo(paid.path("version").asLong());
      assertThat(after.path("amounts")).isEqualTo(paid.path("amounts"));

      // a statement without one usable line is a 400 naming the problems
      HttpResponse<String> bad =
          post(
              http,
              vigil,
              CaseFlowIT.SUPERVISOR,
              CaseFlowIT.SUPERVISOR_PASSWORD,
              header + "TX-9;" + today + ";not-a-day;X;1;KZT;Z\n");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("value_date").contains("not-a-day");
    }
  }

  static HttpResponse<String> post(
      HttpClient http, Vigil vigil, String user, String password, String csv) throws Exception {
    return http.send(
        HttpRequest.newBuilder(vigil.url().resolve("/api/v1/payments/statements"))
            .header("Content-Type", "text/csv")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
