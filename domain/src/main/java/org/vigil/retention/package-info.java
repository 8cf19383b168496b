/**
 * Retention and crypto-shredding: how long each class of data is kept ({@link
 * org.vigil.retention.RetentionPolicy}), the envelope that seals a case's personal data under its
 * own data key ({@link org.vigil.retention.Envelopes}), the key-encryption keys per retention class
 * and expiry day ({@link org.vigil.retention.KeyId}, {@link org.vigil.retention.KeyVault}), and
 * which of them a purge destroys ({@link org.vigil.retention.PurgePolicy}).
 */
package org.vigil.retention;
