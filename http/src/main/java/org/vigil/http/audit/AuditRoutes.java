package org.vigil.http.audit;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.audit.AuditEntry;
import org.vigil.audit.ExportedEntry;
import org.vigil.audit.Hash;
import org.vigil.audit.LogKey;
import org.vigil.audit.SignedCheckpoint;
import org.vigil.http.BadRequestException;
import org.vigil.http.Json;
import org.vigil.http.QueryParams;
import org.vigil.http.Route;
import org.vigil.http.auth.Role;
import org.vigil.postgres.PostgresAuditLog;

/**
 * The audit log for auditors and administrators: entries, signed checkpoints, inclusion and
 * consistency proofs, and the log's public key. Hashes are standard base64.
 */
public final class AuditRoutes {
  /** The most entries one page returns. */
  public static final int MAX_LIMIT = 1000;

  private final PostgresAuditLog log;

  public AuditRoutes(PostgresAuditLog log) {
    this.log = log;
  }

  public List<Route> routes() {
    Set<Role> auditors = Set.of(Role.AUDITOR, Role.ADMINISTRATOR);
    return List.of(
        new Route(Method.GET, "/api/v1/audit/entries", auditors, this::entries),
        new Route(Method.GET, "/api/v1/audit/checkpoints", auditors, this::checkpoints),
        new Route(Method.POST, "/api/v1/audit/checkpoints", auditors, this::issue),
        new Route(Method.GET, "/api/v1/audit/proofs/inclusion", auditors, this::inclusion),
        new Route(Method.GET, "/api/v1/audit/proofs/consistency", auditors, this::consistency),
        new Route(Method.GET, "/api/v1/audit/public-key", auditors, this::publicKey));
  }

  /** {@code ?from=INDEX&limit=N}: entries from INDEX (default 0), at most N (default 1000). */
  private void entries(ServerRequest req, ServerResponse res) throws Exception {
    long from = number(req.query(), "from", 0, Long.MAX_VALUE, 0);
    int limit = (int) number(req.query(), "limit", 1, MAX_LIMIT, MAX_LIMIT);
    List<Map<String, Object>> items = new ArrayList<>();
    for (ExportedEntry e : log.entries(from, limit)) {
      items.add(json(e));
    }
    long size = log.size();
    long next = from + items.size();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("size", size);
    body.put("next", next < size && !items.isEmpty() ? next : null);
    Json.send(res, Status.OK_200, body);
  }

  /** {@code ?latest=true}: only the latest; otherwise every checkpoint, oldest first. */
  private void checkpoints(ServerRequest req, ServerResponse res) throws Exception {
    Boolean latest = QueryParams.bool(req.query(), "latest");
    List<SignedCheckpoint> all =
        Boolean.TRUE.equals(latest)
            ? log.latestCheckpoint().map(List::of).orElse(List.of())
            : log.checkpoints();
    List<Map<String, Object>> items = new ArrayList<>();
    for (SignedCheckpoint c : all) {
      items.add(json(c));
    }
    Json.send(res, Status.OK_200, Map.of("items", items));
  }

  private void issue(ServerRequest req, ServerResponse res) throws Exception {
    Json.send(res, Status.CREATED_201, json(log.issueCheckpoint()));
  }

  /** {@code ?index=I&size=N}: the audit path of entry I in the tree of N entries. */
  private void inclusion(ServerRequest req, ServerResponse res) {
    long size = log.size();
    long n = required(req.query(), "size", 1, size);
    long index = required(req.query(), "index", 0, n - 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", index);
    body.put("size", n);
    body.put("leafHash", log.leafHash(index).base64());
    body.put("root", log.root(n).base64());
    body.put("path", base64(log.inclusionProof(index, n)));
    Json.send(res, Status.OK_200, body);
  }

  /** {@code ?from=M&to=N}: the proof that the tree of M entries is a prefix of that of N. */
  private void consistency(ServerRequest req, ServerResponse res) {
    long size = log.size();
    long to = required(req.query(), "to", 1, size);
    long from = required(req.query(), "from", 1, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("fromRoot", log.root(from).base64());
    body.put("toRoot", log.root(to).base64());
    body.put("path", base64(log.consistencyProof(from, to)));
    Json.send(res, Status.OK_200, body);
  }

  private void publicKey(ServerRequest req, ServerResponse res) {
    LogKey key = log.key();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("origin", key.origin());
    body.put("algorithm", "Ed25519");
    body.put("pem", pem(key));
    body.put("noteVerifierKey", LogKey.verifierKey(key.origin(), key.publicKey()));
    Json.send(res, Status.OK_200, body);
  }

  /** The log's public key as PEM (X.509 SubjectPublicKeyInfo), as served to anyone who checks. */
  public static String pem(LogKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.publicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The JSON form of an entry: its canonical fields, then its leaf hash. */
  public static Map<String, Object> json(ExportedEntry exported) {
    AuditEntry e = exported.entry();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", e.index());
    m.put("at", e.at().toString());
    m.put("kind", e.event().kind().name());
    m.put("actor", e.event().actor());
    m.put("role", e.event().role());
    m.put("action", e.event().action());
    m.put("subject", e.event().subject());
    m.put("purpose", e.event().purpose());
    m.put("leafHash", exported.leafHash().base64());
    return m;
  }

  private static Map<String, Object> json(SignedCheckpoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("origin", c.checkpoint().origin());
    m.put("size", c.checkpoint().size());
    m.put("root", c.checkpoint().root().base64());
    m.put("at", c.checkpoint().at().toString());
    m.put("note", c.note());
    return m;
  }

  private static List<String> base64(List<Hash> hashes) {
    return hashes.stream().map(Hash::base64).toList();
  }

  private static long required(UriQuery q, String name, long min, long max) {
    if (!q.contains(name)) {
      throw new BadRequestException(name + " is missing");
    }
    return number(q, name, min, max, 0);
  }

  private static long number(UriQuery q, String name, long min, long max, long absent) {
    String v = QueryParams.text(q, name);
    if (v == null) {
      return absent;
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " '" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new BadRequestException(name + " '" + v + "' must be between " + min + " and " + max);
    }
    return n;
  }
}
