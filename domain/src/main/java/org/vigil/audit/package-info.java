/**
 * The tamper-evident audit log: an append-only Merkle tree in the style of RFC 9162 (leaf hash
 * SHA-256(0x00 ‖ entry), node hash SHA-256(0x01 ‖ left ‖ right)) whose leaves are {@link
 * org.vigil.audit.AuditEntry audit entries}, signed {@link org.vigil.audit.Checkpoint checkpoints}
 * in the C2SP signed-note form, and the {@link org.vigil.audit.AuditVerifier} an outsider runs over
 * an exported copy.
 *
 * <p>Entries carry pseudonymous references only, never plates, names or addresses. Plain Java: the
 * JDK's SHA-256 and Ed25519 ({@code java.security}), no framework, no I/O.
 */
package org.vigil.audit;
