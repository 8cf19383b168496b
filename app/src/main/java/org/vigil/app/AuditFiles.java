package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditKind;
import org.vigil.audit.ExportedEntry;
import org.vigil.audit.Hash;
import org.vigil.audit.SignedCheckpoint;

/**
 * An exported audit log as plain files in one directory: {@code entries.ndjson} (one entry per
 * line, in index order, with its leaf hash), {@code checkpoints/NNNNNNNN.note} (each a C2SP signed
 * note, numbered from 1 in issue order) and {@code public-key.pem} (the log's Ed25519 key).
 */
final class AuditFiles {
  static final String ENTRIES = "entries.ndjson";
  static final String CHECKPOINTS = "checkpoints";
  static final String PUBLIC_KEY = "public-key.pem";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("index", "at", "kind", "actor", "role", "action", "subject", "purpose", "leafHash");

  /** A problem with a file, naming the file and the line. */
  static final class BadFileException extends Exception {
    private static final long serialVersionUID = 1L;

    BadFileException(String message) {
      super(message);
    }
  }

  private AuditFiles() {}

  /** One line of {@code entries.ndjson}, fields in the canonical order then the leaf hash. */
  static String line(JsonNode entry) {
    ObjectNode out = JSON.createObjectNode();
    for (String f :
        List.of(
            "index", "at", "kind", "actor", "role", "action", "subject", "purpose", "leafHash")) {
      out.set(f, entry.get(f));
    }
    return out.toString();
  }

  /** The file name of checkpoint {@code number} (from 1). */
  static String checkpointFile(int number) {
    return String.format(Locale.ROOT, "%08d.note", number);
  }

  static List<ExportedEntry> readEntries(Path dir) throws IOException, BadFileException {
    List<String> lines = readLines(dir.resolve(ENTRIES));
    List<ExportedEntry> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String where = ENTRIES + " line " + (i + 1);
      try {
        JsonNode n = JSON.readTree(lines.get(i));
        if (n == null || !n.isObject()) {
          throw new BadFileException(where + ": not a JSON object");
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (!FIELDS.contains(name)) {
            throw new BadFileException(where + ": unknown field '" + name + "'");
          }
        }
        for (String f : FIELDS) {
          if (!n.hasNonNull(f)) {
            throw new BadFileException(where + ": " + f + " is missing");
          }
        }
        if (!n.get("index").canConvertToLong()) {
          throw new BadFileException(where + ": index is not a whole number");
        }
        AuditEntry e =
            new AuditEntry(
                n.get("index").asLong(),
                Instant.parse(n.get("at").asText()),
                new AuditEvent(
                    AuditKind.valueOf(n.get("kind").asText()),
                    n.get("actor").asText(),
                    n.get("role").asText(),
                    n.get("action").asText(),
                    n.get("subject").asText(),
                    n.get("purpose").asText()));
        out.add(new ExportedEntry(e, Hash.ofBase64(n.get("leafHash").asText())));
      } catch (IOException | RuntimeException e) {
        throw new BadFileException(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  static List<SignedCheckpoint> readCheckpoints(Path dir) throws IOException, BadFileException {
    Path folder = dir.resolve(CHECKPOINTS);
    if (!Files.isDirectory(folder)) {
      throw new BadFileException(CHECKPOINTS + "/ is missing");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".note")).sorted().toList();
    }
    List<SignedCheckpoint> out = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(SignedCheckpoint.parse(Files.readString(f, StandardCharsets.UTF_8)));
      } catch (RuntimeException e) {
        throw new BadFileException(CHECKPOINTS + "/" + f.getFileName() + ": " + e.getMessage());
      }
    }
    return out;
  }

  static String pem(byte[] spki) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
        + "\n-----END PUBLIC KEY-----\n";
  }

  static PublicKey readPublicKey(Path dir) throws IOException, BadFileException {
    String text;
    try {
      text = Files.readString(dir.resolve(PUBLIC_KEY), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new BadFileException(PUBLIC_KEY + " is missing");
    }
    String body =
        text.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BadFileException(PUBLIC_KEY + ": not an Ed25519 public key in PEM");
    }
  }

  private static List<String> readLines(Path file) throws IOException, BadFileException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank())
          .toList();
    } catch (NoSuchFileException e) {
      throw new BadFileException(file.getFileName() + " is missing");
    }
  }
}
