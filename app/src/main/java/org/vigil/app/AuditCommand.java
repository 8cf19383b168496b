package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.audit.AuditReport;
import org.vigil.audit.AuditVerifier;
import org.vigil.contract.StaffClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil audit export|verify}: the audit log for an outside auditor. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Exports the tamper-evident audit log, and verifies an export offline.",
    subcommands = {AuditCommand.Export.class, AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  @Override
  public void run() {
    throw new IllegalArgumentException("give an action: export DIR --url URL, or verify DIR");
  }

  /** {@code vigil audit export DIR --url URL}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the audit log's entries, signed checkpoints and public key as plain files in DIR:",
        "entries.ndjson, checkpoints/NNNNNNNN.note (C2SP signed notes) and public-key.pem.",
        "Signs in as an auditor (or administrator): --user or VIGIL_AUDIT_USER,",
        "--password or VIGIL_AUDIT_PASSWORD."
      })
  static final class Export implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write (created).")
    Path dir;

    @Option(names = "--url", required = true, description = "Vigil's URL.")
    URI url;

    @Option(names = "--user", description = "An auditor (default: VIGIL_AUDIT_USER).")
    String user;

    @Option(names = "--password", description = "Their password (default: VIGIL_AUDIT_PASSWORD).")
    String password;

    @Override
    public Integer call() throws Exception {
      String name = user != null ? user : System.getenv("VIGIL_AUDIT_USER");
      String secret = password != null ? password : System.getenv("VIGIL_AUDIT_PASSWORD");
      if (name == null || secret == null) {
        throw new IllegalArgumentException(
            "give --user and --password, or set VIGIL_AUDIT_USER and VIGIL_AUDIT_PASSWORD");
      }
      StaffClient client = new StaffClient(url, name, secret);
      Files.createDirectories(dir.resolve(AuditFiles.CHECKPOINTS));
      JsonNode key = ok(client.get("/api/v1/audit/public-key"), "the public key");
      Files.writeString(dir.resolve(AuditFiles.PUBLIC_KEY), key.get("pem").asText());
      JsonNode checkpoints = ok(client.get("/api/v1/audit/checkpoints"), "the checkpoints");
      int number = 0;
      for (JsonNode c : checkpoints.get("items")) {
        number++;
        Files.writeString(
            dir.resolve(AuditFiles.CHECKPOINTS).resolve(AuditFiles.checkpointFile(number)),
            c.get("note").asText(),
            StandardCharsets.UTF_8);
      }
      List<String> lines = new ArrayList<>();
      long from = 0;
      while (true) {
        JsonNode page = ok(client.get("/api/v1/audit/entries?from=" + from), "entries");
        for (JsonNode e : page.get("items")) {
          lines.add(AuditFiles.line(e));
        }
        if (page.get("next").isNull()) {
          break;
        }
        from = page.get("next").asLong();
      }
      Files.write(dir.resolve(AuditFiles.ENTRIES), lines, StandardCharsets.UTF_8);
      System.out.println(
          "exported " + lines.size() + " entries and " + number + " checkpoints to " + dir);
      return 0;
    }

    private static JsonNode ok(StaffClient.Response r, String what) {
      if (r.status() != 200) {
        throw new IllegalStateException(
            "fetching " + what + ", the server answered " + r.status() + ": " + r.body());
      }
      return r.json();
    }
  }

  /** {@code vigil audit verify DIR}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies an exported audit log offline: entries numbered without gap, each hash matching",
        "its entry, every checkpoint signed by public-key.pem and the Merkle root of the entries",
        "before it. Exits 0 when consistent; otherwise 1, naming the first bad entry or checkpoint."
      })
  static final class Verify implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An export's directory.")
    Path dir;

    @Override
    public Integer call() throws Exception {
      AuditReport report;
      try {
        report =
            AuditVerifier.verify(
                AuditFiles.readEntries(dir),
                AuditFiles.readCheckpoints(dir),
                AuditFiles.readPublicKey(dir));
      } catch (AuditFiles.BadFileException e) {
        System.err.println("audit verify: FAILED: " + e.getMessage());
        return 1;
      }
      for (String line : report.checked()) {
        System.out.println("checked: " + line);
      }
      if (!report.ok()) {
        System.err.println("audit verify: FAILED: " + report.problem());
        return 1;
      }
      System.out.println("audit verify: OK, the log is consistent");
      return 0;
    }
  }
}
