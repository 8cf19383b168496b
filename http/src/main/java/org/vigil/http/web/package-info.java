/**
 * What every server-rendered page shares: the {@link org.vigil.http.web.Layout} (one accessible
 * page skeleton for staff and the citizen portal), the {@link org.vigil.http.web.Messages} (texts
 * in Kazakh, Russian and English), the {@link org.vigil.http.web.LanguageChoice} (query, cookie,
 * browser, default), form and cookie helpers ({@link org.vigil.http.web.WebForms}) and the {@link
 * org.vigil.http.web.PortalThrottle} against guessing in the portal. See {@code docs/web.md}.
 */
package org.vigil.http.web;
