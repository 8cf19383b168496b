package org.vigil.bench;

/**
 * Counts over a set of posts. Immutable.
 *
 * @param posts posts answered
 * @param failedPosts posts not answered with 200 (or not at all)
 * @param detections detections in the posts answered with 200
 * @param accepted detections the server accepted
 * @param duplicates detections the server had seen before
 * @param rejected detections the server refused
 * @param violations violations the server stored
 * @param firstProblem the first failure or refusal seen, or null
 */
record Tally(
    long posts,
    long failedPosts,
    long detections,
    long accepted,
    long duplicates,
    long rejected,
    long violations,
    String firstProblem) {

  static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, null);

  /** This tally with one more post. */
  Tally plus(Workload.Batch batch, Poster.Outcome o) {
    return new Tally(
        posts + 1,
        failedPosts + (o.ok() ? 0 : 1),
        detections + (o.ok() ? batch.detections() : 0),
        accepted + o.accepted(),
        duplicates + o.duplicates(),
        rejected + o.rejected(),
        violations + o.violations(),
        firstProblem != null ? firstProblem : o.problem());
  }

  /** The sum of two tallies. */
  Tally plus(Tally t) {
    return new Tally(
        posts + t.posts,
        failedPosts + t.failedPosts,
        detections + t.detections,
        accepted + t.accepted,
        duplicates + t.duplicates,
        rejected + t.rejected,
        violations + t.violations,
        firstProblem != null ? firstProblem : t.firstProblem);
  }
}
