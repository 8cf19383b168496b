package org.vigil.cases;

import java.util.List;

/**
 * When a reviewer's rejections need a second reviewer: when, over their last {@code window}
 * first-stage decisions including the one being made, the share of rejections is above {@code
 * maxRejectionShare}. The second reviewer must be a supervisor and someone else.
 *
 * @param window how many of the reviewer's latest decisions count, 1 or more
 * @param maxRejectionShare the share of rejections allowed without a second review, 0 to 1
 */
public record SecondReviewPolicy(int window, double maxRejectionShare) {
  /** 20 decisions, 30 %. */
  public static SecondReviewPolicy defaults() {
    return new SecondReviewPolicy(20, 0.30);
  }

  public SecondReviewPolicy {
    if (window < 1) {
      throw new IllegalArgumentException(
          "the second-review window must be 1 or more, was " + window);
    }
    if (!(maxRejectionShare >= 0 && maxRejectionShare <= 1)) {
      throw new IllegalArgumentException(
          "the rejection share must be between 0 and 1, was " + maxRejectionShare);
    }
  }

  /**
   * Whether a rejection now needs a second reviewer.
   *
   * @param earlierRejected the reviewer's earlier first-stage decisions, newest first: {@code true}
   *     for a rejection; only the first {@code window - 1} count
   */
  public boolean needsSecondReview(List<Boolean> earlierRejected) {
    int counted = 1;
    int rejected = 1;
    for (Boolean r : earlierRejected) {
      if (counted >= window) {
        break;
      }
      counted++;
      if (r) {
        rejected++;
      }
    }
    return (double) rejected / counted > maxRejectionShare;
  }
}
