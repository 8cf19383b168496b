package org.vigil.transparency;

import java.util.List;

/**
 * The datasets of the report, in the order they are published. Names are part of the published
 * format (JSON, CSV, the page's anchors): never rename one.
 */
public enum DatasetKind {
  VIOLATIONS(
      "violations",
      "Violations recorded",
      "Violations by month, type and place (camera:ID or section:ID), by the time they were observed.",
      List.of("type", "place"),
      true),
  NOTICES(
      "notices",
      "Notices",
      "Notices issued, paid and cancelled, by month.",
      List.of("status"),
      true),
  APPEALS("appeals", "Appeals", "Appeals filed and upheld, by month.", List.of("outcome"), true),
  REVIEW_REJECTIONS(
      "review-rejections",
      "Violations rejected at review",
      "Violations a reviewer rejected, by month and reason.",
      List.of("reason"),
      true),
  CAMERA_UPTIME(
      "camera-uptime",
      "Camera uptime",
      "Per camera and month: the hours in which the camera counted at least one vehicle, out of"
          + " the whole hours since its first counted vehicle.",
      List.of("camera"),
      false),
  PERSONAL_DATA_ACCESSES(
      "personal-data-accesses",
      "Accesses to personal data",
      "Every time staff saw personal data (a page of violations, the manual-read queue, the"
          + " exemption list), by month, role and purpose.",
      List.of("role", "purpose"),
      true),
  BREAK_GLASS(
      "break-glass",
      "Break-glass events",
      "Personal data opened outside a role's routine access, with a stated reason, by month and"
          + " role.",
      List.of("role"),
      true),
  PURGES(
      "purges",
      "Purges",
      "Purges of personal data (one per destroyed key or purged table), by month.",
      List.of(),
      true),
  RECORDS_PURGED(
      "records-purged",
      "Records purged",
      "Records whose personal data the purges destroyed, by month.",
      List.of(),
      true);

  private final String id;
  private final String title;
  private final String description;
  private final List<String> dimensions;
  private final boolean suppressed;

  DatasetKind(
      String id, String title, String description, List<String> dimensions, boolean suppressed) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.dimensions = dimensions;
    this.suppressed = suppressed;
  }

  /** The published name, such as {@code personal-data-accesses}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** The dimensions besides the month, in the order of a cell's values. */
  public List<String> dimensions() {
    return dimensions;
  }

  /**
   * Whether {@link SmallCountSuppression} applies. It does to every count of events; it does not to
   * camera uptime, which counts hours of a machine and says nothing about anyone.
   */
  public boolean suppressed() {
    return suppressed;
  }
}
