package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  @Test
  void theCanonicalFormIsFixedJsonWithTheIndexInIt() {
    AuditEntry e =
        new AuditEntry(
            7,
            Instant.parse("2026-11-02T07:30:00.120Z"),
            new AuditEvent(
                AuditKind.PERSONAL_DATA_VIEW,
                "account:0123abcd",
                "OPERATOR",
                "violations.list",
                "violations:page",
                "3 violations \"SPEED\"\\"));
    assertThat(new String(e.canonical(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"index\":7,\"at\":\"2026-11-02T07:30:00.120Z\",\"kind\":\"PERSONAL_DATA_VIEW\","
                + "\"actor\":\"account:0123abcd\",\"role\":\"OPERATOR\",\"action\":\"violations.list\","
                + "\"subject\":\"violations:page\",\"purpose\":\"3 violations \\\"SPEED\\\"\\\\\"}");
    assertThat(e.leafHash()).isEqualTo(MerkleTree.leafHash(e.canonical()));
    AuditEntry moved = new AuditEntry(8, e.at(), e.event());
    assertThat(moved.leafHash()).isNotEqualTo(e.leafHash());
  }

  @Test
  void referencesWithSpacesSuchAsPlatesAreRefusedNamingTheValue() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    AuditKind.PERSONAL_DATA_VIEW,
                    "account:0123",
                    "OPERATOR",
                    "violation.view",
                    "plate:B AB 1234",
                    ""))
        .hasMessageContaining("subject 'plate:B AB 1234'");
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    AuditKind.DECISION, "Jane Doe", "OPERATOR", "manual-read", "violation:x", ""))
        .hasMessageContaining("actor 'Jane Doe'");
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    AuditKind.DECISION,
                    "account:0123",
                    "OPERATOR",
                    "manual-read",
                    "violation:x",
                    "a\nb"))
        .hasMessageContaining("purpose");
  }

  @Test
  void timesAreToTheMillisecond() {
    assertThatThrownBy(
            () ->
                new AuditEntry(
                    0, Instant.parse("2026-11-02T07:30:00.000001Z"), AuditTestData.event(0)))
        .hasMessageContaining("2026-11-02T07:30:00.000001Z");
  }
}
