package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testkit.CameraBuilder.aCamera;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.Checkpoint;
import org.vigil.audit.ExportedEntry;
import org.vigil.audit.Hash;
import org.vigil.audit.LogKey;
import org.vigil.audit.MerkleTree;
import org.vigil.contract.StaffClient;
import org.vigil.testkit.DetectionBuilder;
import org.vigil.testkit.SitesBuilder;

/**
 * The audit log end to end: views and changes through the API become entries, an auditor exports
 * them with {@code vigil audit export}, {@code vigil audit verify} accepts the copy, and every
 * attack on a copy (removal, alteration, reordering, a fork signed with the real key, a wrong key)
 * is caught and named.
 */
class AuditIT {
  static final String PLATE = "AUD1T99";
  static final String EXEMPT_PLATE = "EXEMPT 77";
  static final String AUDITOR = "ingrid.audit";
  static final String AUDITOR_PASSWORD = "auditor-password-123";

  @TempDir static Path dir;
  static Vigil vigil;
  static Path export;

  @BeforeAll
  static void startChangeViewAndExport() throws Exception {
    vigil =
        Vigil.start(
            TestVigil.config(
                    dir, SitesBuilder.sites().camera(aCamera("A").limit(60, 0).zone("UTC")).build())
                .withClock(Clock.systemUTC()));
    StaffClient admin = TestVigil.admin(vigil);
    TestVigil.post(
        vigil,
        List.of(
            DetectionBuilder.aDetection()
                .camera("A")
                .eventId("AUD-1")
                .at(Instant.now().minusMillis(100).truncatedTo(ChronoUnit.MILLIS))
                .plate(PLATE)
                .speed(95)
                .build()));
    StaffClient officer = TestVigil.operator(vigil);
    assertThat(officer.allViolations("")).isNotEmpty();
    assertThat(
            admin
                .post(
                    "/api/v1/admin/users",
                    "{\"username\":\""
                        + AUDITOR
                        + "\",\"password\":\""
                        + AUDITOR_PASSWORD
                        + "\",\"role\":\"AUDITOR\"}")
                .status())
        .isEqualTo(201);
    StaffClient auditor = new StaffClient(vigil.url(), AUDITOR, AUDITOR_PASSWORD);
    assertThat(auditor.post("/api/v1/audit/checkpoints", "").status()).isEqualTo(201);
    assertThat(admin.put("/api/v1/admin/cameras/A/variable-limit", "{\"limitKmh\":30}").status())
        .isEqualTo(200);
    String exemption =
        "{\"plate\":\""
            + EXEMPT_PLATE
            + "\",\"label\":\"ambulance 7\",\"validFrom\":\""
            + Instant.now().minusSeconds(3600)
            + "\",\"validUntil\":\""
            + Instant.now().plusSeconds(3600)
            + "\"}";
    String id = admin.post("/api/v1/admin/exemptions", exemption).json().get("id").asText();
    assertThat(admin.get("/api/v1/admin/exemptions").status()).isEqualTo(200);
    assertThat(admin.delete("/api/v1/admin/exemptions/" + id).status()).isEqualTo(204);
    assertThat(admin.post("/api/v1/admin/cameras/A/keys", "{}").status()).isEqualTo(201);
    assertThat(auditor.post("/api/v1/audit/checkpoints", "").status()).isEqualTo(201);
    officer.allViolations("");

    export = dir.resolve("export");
    Run r =
        run(
            "audit",
            "export",
            export.toString(),
            "--url",
            vigil.url().toString(),
            "--user",
            AUDITOR,
            "--password",
            AUDITOR_PASSWORD);
    assertThat(r.code()).as(r.output()).isZero();
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  @Test
  void theLogRecordsViewsDecisionsAndChangesUnderPseudonyms() throws Exception {
    List<String> lines = Files.readAllLines(export.resolve(AuditFiles.ENTRIES));
    String all = String.join("\n", lines);
    assertThat(all)
        .contains("\"kind\":\"PERSONAL_DATA_VIEW\",")
        .contains("\"action\":\"violations.list\"")
        .contains("\"action\":\"user.add\"")
        .contains("\"action\":\"variable-limit.set\",\"subject\":\"camera:A\"")
        .contains("\"action\":\"exemption.add\"")
        .contains("\"action\":\"exemptions.list\"")
        .contains("\"action\":\"exemption.remove\"")
        .contains("\"action\":\"ingest-key.issue\"")
        .contains("\"actor\":\"account:");
    assertThat(lines.getFirst()).startsWith("{\"index\":0,\"at\":\"");
  }

  @Test
  void noPlateNorUserNameIsInAnyExportedFile() throws Exception {
    try (Stream<Path> files = Files.walk(export)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        assertThat(text)
            .as(f.toString())
            .doesNotContain(PLATE)
            .doesNotContain(EXEMPT_PLATE)
            .doesNotContain("EXEMPT77")
            .doesNotContain(AUDITOR)
            .doesNotContain("\"admin\"")
            .doesNotContain("account:admin")
            .doesNotContain("ambulance");
      }
    }
  }

  @Test
  void anIntactExportVerifies() {
    Run r = run("audit", "verify", export.toString());
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("checked: 2 checkpoints signed by vigil/audit")
        .contains("latest checkpoint: size ")
        .contains("audit verify: OK");
  }

  @Test
  void theProofsAndKeyAreServedAndBadParametersAreNamed() {
    StaffClient auditor = new StaffClient(vigil.url(), AUDITOR, AUDITOR_PASSWORD);
    JsonNode latest = auditor.get("/api/v1/audit/checkpoints?latest=true").json().get("items");
    assertThat(latest).hasSize(1);
    long size = latest.get(0).get("size").asLong();
    JsonNode inclusion = auditor.get("/api/v1/audit/proofs/inclusion?index=1&size=" + size).json();
    List<Hash> path = new ArrayList<>();
    inclusion.get("path").forEach(h -> path.add(Hash.ofBase64(h.asText())));
    assertThat(
            MerkleTree.verifyInclusion(
                Hash.ofBase64(inclusion.get("leafHash").asText()),
                1,
                size,
                path,
                Hash.ofBase64(latest.get(0).get("root").asText())))
        .isTrue();
    JsonNode consistency = auditor.get("/api/v1/audit/proofs/consistency?from=2&to=" + size).json();
    List<Hash> proof = new ArrayList<>();
    consistency.get("path").forEach(h -> proof.add(Hash.ofBase64(h.asText())));
    assertThat(
            MerkleTree.verifyConsistency(
                2,
                size,
                Hash.ofBase64(consistency.get("fromRoot").asText()),
                Hash.ofBase64(latest.get(0).get("root").asText()),
                proof))
        .isTrue();
    assertThat(auditor.get("/api/v1/audit/public-key").json().get("noteVerifierKey").asText())
        .startsWith("vigil/audit+");
    StaffClient.Response bad = auditor.get("/api/v1/audit/proofs/inclusion?index=x&size=1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("index 'x' is not a whole number");
    assertThat(auditor.get("/api/v1/audit/entries?limit=0").body())
        .contains("limit '0' must be between 1 and 1000");
    assertThat(auditor.get("/api/v1/violations").status()).isEqualTo(403);
  }

  @Test
  void aRemovedEntryIsCaught() throws Exception {
    Path copy = copy("removed");
    List<String> lines = entries(copy);
    lines.remove(3);
    write(copy, lines);
    assertFails(copy, "entries are not numbered 0..n-1: entry 3 is missing");
  }

  @Test
  void anAlteredEntryIsCaught() throws Exception {
    Path copy = copy("altered");
    List<String> lines = entries(copy);
    lines.set(2, lines.get(2).replaceFirst("\"purpose\":\"[^\"]*\"", "\"purpose\":\"nothing\""));
    write(copy, lines);
    assertFails(copy, "entry 2: hash does not match its content");
  }

  @Test
  void anAlteredEntryWithARecomputedHashIsCaughtByTheCheckpoint() throws Exception {
    Path copy = copy("rehashed");
    List<ExportedEntry> entries = AuditFiles.readEntries(copy);
    AuditEntry e = entries.get(1).entry();
    AuditEntry forged = new AuditEntry(1, e.at().plusSeconds(3600), e.event());
    List<String> lines = entries(copy);
    lines.set(1, line(ExportedEntry.of(forged)));
    write(copy, lines);
    assertFails(copy, "checkpoint 1 (size ");
    assertFails(copy, "root does not match entries 0–");
  }

  @Test
  void reorderedEntriesAreCaught() throws Exception {
    Path copy = copy("reordered");
    List<String> lines = entries(copy);
    Collections.swap(lines, 1, 2);
    write(copy, lines);
    assertFails(
        copy, "entries are not numbered 0..n-1: entry 1 is missing (entry 2 is in its place)");
  }

  @Test
  void aForkSignedWithTheLogsOwnKeyIsCaught() throws Exception {
    Path copy = copy("forked");
    LogKey key = AuditKeys.signingKey(dir.resolve("data").resolve("audit"));
    List<ExportedEntry> entries = AuditFiles.readEntries(copy);
    List<Hash> other = new ArrayList<>();
    for (ExportedEntry x : entries) {
      other.add(x.leafHash());
    }
    other.set(0, MerkleTree.leafHash("another history".getBytes(StandardCharsets.UTF_8)));
    Checkpoint fork =
        new Checkpoint(
            key.origin(), other.size(), MerkleTree.root(other, other.size()), Instant.now());
    Files.writeString(
        copy.resolve(AuditFiles.CHECKPOINTS).resolve(AuditFiles.checkpointFile(3)),
        key.sign(fork).note());
    assertFails(copy, "checkpoint 3 (size " + other.size() + "): root does not match entries 0–");
    assertFails(copy, "not consistent with checkpoint 2");
  }

  @Test
  void aWrongPublicKeyIsCaught() throws Exception {
    Path copy = copy("wrong-key");
    Files.writeString(
        copy.resolve(AuditFiles.PUBLIC_KEY),
        AuditFiles.pem(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
    assertFails(copy, "checkpoint 1 (size ");
    assertFails(copy, "signature does not verify with the log's public key");
  }

  private static void assertFails(Path copy, String expected) {
    Run r = run("audit", "verify", copy.toString());
    assertThat(r.code()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("audit verify: FAILED: ").contains(expected);
  }

  private static String line(ExportedEntry e) {
    AuditEntry x = e.entry();
    String canonical = new String(x.canonical(), StandardCharsets.UTF_8);
    return canonical.substring(0, canonical.length() - 1)
        + ",\"leafHash\":\""
        + e.leafHash().base64()
        + "\"}";
  }

  private static Path copy(String name) throws Exception {
    Path target = dir.resolve(name);
    Files.createDirectories(target.resolve(AuditFiles.CHECKPOINTS));
    try (Stream<Path> files = Files.walk(export)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, target.resolve(export.relativize(f).toString()));
      }
    }
    return target;
  }

  private static List<String> entries(Path copy) throws Exception {
    return new ArrayList<>(Files.readAllLines(copy.resolve(AuditFiles.ENTRIES)));
  }

  private static void write(Path copy, List<String> lines) throws Exception {
    Files.write(copy.resolve(AuditFiles.ENTRIES), lines);
  }

  record Run(int code, String output) {}

  /** Runs the command line, capturing what it prints on both streams. */
  private static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      return new Run(Main.run(args), buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
