/**
 * Vigil's enforcement domain: what a camera saw ({@link org.vigil.detection}), where it saw it
 * ({@link org.vigil.site}), whose plate it was ({@link org.vigil.plate}) and which sightings break
 * the law ({@link org.vigil.enforcement}).
 *
 * <p>Everything under {@code org.vigil} in this module is plain Java: no framework, no I/O, time
 * and state behind small interfaces, so that the same rules run in the embedded runtime and in
 * Kafka Streams. {@code DomainPurityTest} fails the build when a framework import creeps in.
 */
package org.vigil;
