/**
 * Notices: what a notice says ({@link org.vigil.notice.NoticeLetter}), the port that renders it
 * ({@link org.vigil.notice.NoticeRenderer}) and the ports that deliver it ({@link
 * org.vigil.notice.NoticeChannel}): e-mail, text message, print batch for the post.
 */
package org.vigil.notice;
