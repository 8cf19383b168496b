/**
 * The public transparency report: aggregate counts per month (violations, accesses to personal
 * data, break-glass events, purges, camera uptime, and the case figures of a later issue), the
 * suppression of small counts, and the plain-words statement of what Vigil collects and keeps.
 * Nothing here knows a plate, a name or an address: it only ever sees counts.
 */
package org.vigil.transparency;
