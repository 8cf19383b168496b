package org.vigil.http.transparency;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.vigil.audit.Checkpoint;
import org.vigil.http.Html;
import org.vigil.transparency.DatasetKind;
import org.vigil.transparency.PublicCheckpoint;
import org.vigil.transparency.PublishedCell;
import org.vigil.transparency.PublishedDataset;
import org.vigil.transparency.ReportPeriod;
import org.vigil.transparency.Retention;
import org.vigil.transparency.SmallCountSuppression;
import org.vigil.transparency.TransparencyReport;

/**
 * The public page: the report as server-rendered HTML in plain words, with no script and no
 * external resource. Every table has a caption and scoped headers; every value from the store is
 * escaped.
 */
final class TransparencyPage {
  private TransparencyPage() {}

  private static final String STYLE =
      """
      body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; \
      padding: 0 1rem; color: #1d2730; }
      h1 { font-size: 1.7rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d5dde4; }
      h3 { margin-top: 1.6rem; }
      table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
      caption { text-align: left; color: #4a5a68; padding: .3rem 0; }
      th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e3e8ec; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      tfoot th, tfoot td { font-weight: 600; }
      pre { background: #f3f5f7; padding: .8rem; overflow-x: auto; }
      a { color: #0b5cad; } .note { color: #4a5a68; }
      form { margin: 1rem 0; } label { margin-right: .8rem; }
      """;

  /** The page of {@code r}; {@code query} is the period's query string for links to the data. */
  static String html(TransparencyReport r, String query) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Vigil — transparency report</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>Transparency report</h1>\n<p>What this traffic-enforcement system did from ")
        .append(month(r.period().from()))
        .append(" to ")
        .append(month(r.period().to()))
        .append(" (months in UTC), in numbers anyone may check. Figures as of ")
        .append(Html.escape(r.generatedAt().toString()))
        .append(". Nothing on this page is about any one person.</p>\n");
    h.append("<p>The same figures as open data: <a href=\"/api/v1/transparency")
        .append(Html.escape(query))
        .append("\">JSON</a> · <a href=\"/api/v1/transparency")
        .append(Html.escape(query.isEmpty() ? "?format=csv" : query + "&format=csv"))
        .append("\">CSV</a> · <a href=\"/\">live figures</a></p>\n");
    h.append("<form method=\"get\" action=\"/transparency\">")
        .append("<label>From month <input name=\"from\" type=\"month\" value=\"")
        .append(r.period().from())
        .append("\"></label><label>to month <input name=\"to\" type=\"month\" value=\"")
        .append(r.period().to())
        .append("\"></label><button type=\"submit\">Show</button> <span class=\"note\">(at most ")
        .append(ReportPeriod.MAX_MONTHS)
        .append(" months)</span></form>\n");

    h.append("<h2 id=\"policy\">What Vigil collects and keeps</h2>\n<h3>What it collects</h3>\n");
    list(h, r.policy().collects());
    h.append("<h3>What it never collects</h3>\n");
    list(h, r.policy().neverCollects());
    h.append("<h3>How long it keeps what</h3>\n<table>\n<caption>Retention of each class of data")
        .append("</caption>\n<thead><tr><th scope=\"col\">Data</th><th scope=\"col\">Kept for")
        .append("</th></tr></thead>\n<tbody>\n");
    for (Retention x : r.policy().retention()) {
      h.append("<tr><th scope=\"row\">")
          .append(Html.escape(x.dataClass()))
          .append("</th><td>")
          .append(Html.escape(x.period()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    h.append("<h2 id=\"figures\">The figures</h2>\n<p>")
        .append(Html.escape(SmallCountSuppression.description()))
        .append(" Small counts are withheld because a count of one or two at one camera in one")
        .append(" month can point at a person; a zero points at nobody. A combination that is")
        .append(" not listed is zero.</p>\n");
    for (PublishedDataset d : r.datasets()) {
      dataset(h, d);
    }

    h.append("<h2 id=\"audit-log\">The audit log</h2>\n<p>Every view of personal data and every")
        .append(" change of configuration is an entry of an append-only, tamper-evident log. Its")
        .append(" signed checkpoints let anyone holding a copy check that nothing was removed or")
        .append(" altered.</p>\n");
    r.latestCheckpoint()
        .ifPresentOrElse(
            c -> checkpoint(h, c), () -> h.append("<p>No checkpoint has been signed yet.</p>\n"));
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void dataset(StringBuilder h, PublishedDataset d) {
    DatasetKind k = d.kind();
    h.append("<h3 id=\"")
        .append(k.id())
        .append("\">")
        .append(Html.escape(k.title()))
        .append("</h3>\n");
    h.append("<p>").append(Html.escape(k.description())).append("</p>\n");
    if (!d.recorded()) {
      h.append("<p class=\"note\">No data recorded yet: this installation does not handle ")
          .append(Html.escape(k.title().toLowerCase(Locale.ROOT)))
          .append(" yet. This is not the same as zero.</p>\n");
      return;
    }
    boolean uptime = d.cells().stream().anyMatch(c -> c.outOf() != null);
    if (d.cells().isEmpty()) {
      h.append("<p>None in this period (0).</p>\n");
      return;
    }
    h.append("<table>\n<caption>").append(Html.escape(k.title())).append(" by month");
    for (String dim : k.dimensions()) {
      h.append(", ").append(Html.escape(dim));
    }
    h.append("</caption>\n<thead><tr><th scope=\"col\">Month</th>");
    for (String dim : k.dimensions()) {
      h.append("<th scope=\"col\">").append(Html.escape(capital(dim))).append("</th>");
    }
    if (uptime) {
      h.append("<th scope=\"col\" class=\"num\">Hours with traffic</th>")
          .append("<th scope=\"col\" class=\"num\">Hours observed</th>")
          .append("<th scope=\"col\" class=\"num\">Uptime</th>");
    } else {
      h.append("<th scope=\"col\" class=\"num\">Count</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (PublishedCell c : d.cells()) {
      h.append("<tr><th scope=\"row\">").append(month(c.month())).append("</th>");
      for (String v : c.values()) {
        h.append("<td>").append(Html.escape(v)).append("</td>");
      }
      h.append("<td class=\"num\">")
          .append(c.suppressed() ? "fewer than " + SmallCountSuppression.THRESHOLD : c.count())
          .append("</td>");
      if (uptime) {
        h.append("<td class=\"num\">")
            .append(c.outOf())
            .append("</td><td class=\"num\">")
            .append(percent(c.share()))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n");
    if (!uptime) {
      h.append("<tfoot><tr><th scope=\"row\" colspan=\"")
          .append(1 + k.dimensions().size())
          .append("\">Total of the published counts</th><td class=\"num\">")
          .append(d.total())
          .append("</td></tr></tfoot>\n");
    }
    h.append("</table>\n");
  }

  private static void checkpoint(StringBuilder h, PublicCheckpoint p) {
    Checkpoint c = p.signed().checkpoint();
    h.append("<p>The latest signed checkpoint covers the first ")
        .append(c.size())
        .append(" entries; it was signed at ")
        .append(Html.escape(c.at().toString()))
        .append(" and its root hash is <code>")
        .append(Html.escape(c.root().base64()))
        .append("</code>. The signed note:</p>\n<pre>")
        .append(Html.escape(p.signed().note()))
        .append(
            "</pre>\n<p>The log's public key (Ed25519), to check the signature with:</p>\n<pre>")
        .append(Html.escape(p.publicKeyPem()))
        .append("</pre>\n<p>As a signed-note verifier key: <code>")
        .append(Html.escape(p.noteVerifierKey()))
        .append("</code></p>\n");
  }

  private static void list(StringBuilder h, List<String> items) {
    h.append("<ul>\n");
    for (String i : items) {
      h.append("<li>").append(Html.escape(i)).append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static String month(YearMonth m) {
    return m.toString();
  }

  private static String percent(Double share) {
    return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
