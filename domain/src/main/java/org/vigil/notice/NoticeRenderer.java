package org.vigil.notice;

/** Renders a notice in its language: the PDF letter, and the short texts that carry it. */
public interface NoticeRenderer {
  /** The letter as a PDF document: every fact of the notice, a payment QR code, the portal. */
  byte[] pdf(NoticeLetter letter);

  /** The subject of the e-mail that carries the letter. */
  String emailSubject(NoticeLetter letter);

  /** The plain-text body of that e-mail. */
  String emailBody(NoticeLetter letter);

  /** A text message of at most 480 characters: notice number, amount, last day, the portal. */
  String sms(NoticeLetter letter);
}
