/**
 * Notices by post: {@link org.vigil.notices.post.PrintBatchChannel} puts each letter into the day's
 * print batch with its manifest.
 */
package org.vigil.notices.post;
