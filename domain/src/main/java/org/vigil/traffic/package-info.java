/**
 * Traffic statistics and incidents: counts and speeds per camera, lane and minute, and alerts when
 * traffic falls well below its usual level. Nothing here knows a plate.
 */
package org.vigil.traffic;
