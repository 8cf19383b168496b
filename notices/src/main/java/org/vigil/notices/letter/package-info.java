/**
 * The notice letter: {@link org.vigil.notices.letter.PdfNoticeRenderer} renders a {@link
 * org.vigil.notice.NoticeLetter} as a PDF in Kazakh, Russian or English, with the payment QR code
 * of {@link org.vigil.notices.letter.PaymentUri}, and writes the e-mail and text-message wording.
 */
package org.vigil.notices.letter;
