/**
 * The case life cycle: a recorded violation becomes a case once nothing holds it, is reviewed
 * (signed by the reviewer's own key), confirmed or rejected, its keeper looked up, a notice issued,
 * paid or appealed, escalated when unpaid and closed. Every state change is a {@link
 * org.vigil.cases.Transition}: accepted with a {@link org.vigil.cases.CaseEvent} naming who, when
 * and why, or refused with a readable reason. Each rule is a small named policy; {@link
 * org.vigil.cases.CaseDesk} orchestrates them through the ports this package declares.
 */
package org.vigil.cases;
