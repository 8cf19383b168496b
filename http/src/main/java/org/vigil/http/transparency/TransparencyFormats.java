package org.vigil.http.transparency;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.audit.Checkpoint;
import org.vigil.transparency.DatasetKind;
import org.vigil.transparency.PublicCheckpoint;
import org.vigil.transparency.PublishedCell;
import org.vigil.transparency.PublishedDataset;
import org.vigil.transparency.Retention;
import org.vigil.transparency.SmallCountSuppression;
import org.vigil.transparency.TransparencyReport;

/**
 * The report as JSON (a tree of maps for Jackson) and as CSV: one long table with a fixed header,
 * so that every dataset, including those of a later issue, fits without changing the format.
 */
final class TransparencyFormats {
  /** The CSV header; stable: datasets add rows, never columns. */
  static final String CSV_HEADER =
      "dataset,month,dimension_1,value_1,dimension_2,value_2,count,out_of";

  /** What the CSV's count column holds for a dataset this installation does not record yet. */
  static final String NOT_RECORDED = "not-recorded";

  private TransparencyFormats() {}

  /** The report as the JSON documented in openapi.yaml and docs/transparency.md. */
  static Map<String, Object> json(TransparencyReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("from", r.period().from().toString());
    period.put("to", r.period().to().toString());
    m.put("period", period);
    m.put("generatedAt", r.generatedAt().toString());
    Map<String, Object> suppression = new LinkedHashMap<>();
    suppression.put("threshold", SmallCountSuppression.THRESHOLD);
    suppression.put("rule", SmallCountSuppression.description());
    m.put("suppression", suppression);
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("collects", r.policy().collects());
    policy.put("neverCollects", r.policy().neverCollects());
    List<Map<String, Object>> retention = new ArrayList<>();
    for (Retention x : r.policy().retention()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("dataClass", x.dataClass());
      e.put("period", x.period());
      retention.add(e);
    }
    policy.put("retention", retention);
    m.put("policy", policy);
    List<Map<String, Object>> datasets = new ArrayList<>();
    for (PublishedDataset d : r.datasets()) {
      datasets.add(json(d));
    }
    m.put("datasets", datasets);
    m.put("latestCheckpoint", r.latestCheckpoint().map(TransparencyFormats::json).orElse(null));
    return m;
  }

  private static Map<String, Object> json(PublishedDataset d) {
    DatasetKind k = d.kind();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", k.id());
    m.put("title", k.title());
    m.put("description", k.description());
    List<String> dimensions = new ArrayList<>();
    dimensions.add("month");
    dimensions.addAll(k.dimensions());
    m.put("dimensions", dimensions);
    m.put("recorded", d.recorded());
    m.put("suppression", k.suppressed());
    if (!d.recorded()) {
      m.put("note", "no data recorded yet");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PublishedCell c : d.cells()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", c.month().toString());
      for (int i = 0; i < k.dimensions().size(); i++) {
        row.put(k.dimensions().get(i), c.values().get(i));
      }
      row.put("count", c.count());
      row.put("suppressed", c.suppressed());
      if (c.outOf() != null) {
        row.put("outOf", c.outOf());
        row.put("share", c.share());
      }
      rows.add(row);
    }
    m.put("rows", rows);
    List<Map<String, Object>> totals = new ArrayList<>();
    for (Map.Entry<YearMonth, Long> t : d.monthTotals().entrySet()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("month", t.getKey().toString());
      e.put("count", t.getValue());
      totals.add(e);
    }
    m.put("monthTotals", totals);
    m.put("total", d.recorded() ? d.total() : null);
    return m;
  }

  private static Map<String, Object> json(PublicCheckpoint p) {
    Checkpoint c = p.signed().checkpoint();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("origin", c.origin());
    m.put("size", c.size());
    m.put("root", c.root().base64());
    m.put("at", c.at().toString());
    m.put("note", p.signed().note());
    m.put("noteVerifierKey", p.noteVerifierKey());
    m.put("publicKeyPem", p.publicKeyPem());
    return m;
  }

  /**
   * RFC 4180 CSV: {@link #CSV_HEADER}, then one line per published cell, dataset by dataset in the
   * report's order. {@code count} is a whole number, {@code <5} when suppressed, or {@link
   * #NOT_RECORDED} on the one line of a dataset this installation does not record yet; {@code
   * out_of} is the whole of a share (camera uptime), otherwise empty. Dimensions beyond the month
   * fill {@code dimension_1}/{@code value_1}, then {@code dimension_2}/{@code value_2}.
   */
  static String csv(TransparencyReport r) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (PublishedDataset d : r.datasets()) {
      DatasetKind k = d.kind();
      if (!d.recorded()) {
        out.append(k.id()).append(",,,,,,").append(NOT_RECORDED).append(",\r\n");
        continue;
      }
      for (PublishedCell c : d.cells()) {
        out.append(k.id()).append(',').append(c.month());
        for (int i = 0; i < 2; i++) {
          out.append(',');
          if (i < k.dimensions().size()) {
            out.append(field(k.dimensions().get(i))).append(',').append(field(c.values().get(i)));
          } else {
            out.append(',');
          }
        }
        out.append(',')
            .append(c.suppressed() ? "<" + SmallCountSuppression.THRESHOLD : c.count())
            .append(',')
            .append(c.outOf() == null ? "" : c.outOf())
            .append("\r\n");
      }
    }
    return out.toString();
  }

  static String field(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
