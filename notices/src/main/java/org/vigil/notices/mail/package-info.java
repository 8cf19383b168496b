/**
 * Notices by e-mail: {@link org.vigil.notices.mail.SmtpChannel} over SMTP, configured by {@link
 * org.vigil.notices.mail.SmtpSettings} ({@code VIGIL_SMTP_*}).
 */
package org.vigil.notices.mail;
