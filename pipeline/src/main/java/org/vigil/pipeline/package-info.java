/**
 * The embedded runtime: one process takes a batch of detections, admits and de-duplicates them,
 * decides them with the domain's {@link org.vigil.enforcement.Enforcer}, and answers only once
 * every violation is durable. Detections that break no rule end here, in memory.
 */
package org.vigil.pipeline;
