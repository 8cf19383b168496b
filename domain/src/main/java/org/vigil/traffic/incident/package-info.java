/**
 * Incident detection: a sudden fall in flow or speed at a camera against its usual level for that
 * time of day, raised within a minute of its start and cleared when traffic recovers. See {@link
 * org.vigil.traffic.incident.IncidentDetector}. Nothing here knows a plate.
 */
package org.vigil.traffic.incident;
