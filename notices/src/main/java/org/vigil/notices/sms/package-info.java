/**
 * Notices by text message: {@link org.vigil.notices.sms.HttpSmsChannel} posts to an HTTP gateway
 * configured by {@link org.vigil.notices.sms.SmsSettings} ({@code VIGIL_SMS_URL}, {@code
 * VIGIL_SMS_TOKEN}).
 */
package org.vigil.notices.sms;
