package org.vigil.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transparency report as published: the period, the plain-words policy, every dataset with
 * small counts suppressed, and the audit log's latest checkpoint.
 *
 * @param period the months covered
 * @param generatedAt when the figures were read
 * @param policy what Vigil collects, never collects and keeps
 * @param datasets every {@link DatasetKind}, in its order
 * @param checkpoint the latest signed checkpoint of the audit log, or null if none was issued
 */
public record TransparencyReport(
    ReportPeriod period,
    Instant generatedAt,
    Policy policy,
    List<PublishedDataset> datasets,
    PublicCheckpoint checkpoint) {

  public TransparencyReport {
    datasets = List.copyOf(datasets);
  }

  /** Reads every figure for {@code period} and publishes it. */
  public static TransparencyReport compile(
      ReportPeriod period,
      Instant now,
      EnforcementFigures enforcement,
      CaseFigures cases,
      Policy policy,
      Optional<PublicCheckpoint> checkpoint) {
    List<PublishedDataset> out = new ArrayList<>();
    for (DatasetKind kind : DatasetKind.values()) {
      Optional<List<Cell>> cells =
          switch (kind) {
            case VIOLATIONS -> Optional.of(enforcement.violations(period));
            case NOTICES -> cases.notices(period);
            case APPEALS -> cases.appeals(period);
            case REVIEW_REJECTIONS -> cases.reviewRejections(period);
            case CAMERA_UPTIME -> Optional.of(enforcement.cameraUptime(period));
            case PERSONAL_DATA_ACCESSES -> Optional.of(enforcement.personalDataAccesses(period));
            case BREAK_GLASS -> Optional.of(enforcement.breakGlass(period));
            case PURGES -> Optional.of(enforcement.purges(period));
            case RECORDS_PURGED -> Optional.of(enforcement.recordsPurged(period));
          };
      out.add(
          cells
              .map(c -> PublishedDataset.publish(kind, period, c))
              .orElseGet(() -> PublishedDataset.notRecorded(kind)));
    }
    return new TransparencyReport(period, now, policy, out, checkpoint.orElse(null));
  }

  /** The dataset of {@code kind}. */
  public PublishedDataset dataset(DatasetKind kind) {
    return datasets.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
  }

  public Optional<PublicCheckpoint> latestCheckpoint() {
    return Optional.ofNullable(checkpoint);
  }
}
