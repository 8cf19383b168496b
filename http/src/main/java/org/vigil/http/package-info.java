/**
 * The HTTP adapter (Helidon SE). {@link org.vigil.http.VigilRoutes#register} builds every route in
 * one static function that the application and the tests share; each sub-package holds one concern:
 * {@code ingest} (cameras posting detections), {@code violations} (reading them), {@code admin}
 * (sites, keys, users), {@code auth} (who is calling), {@code live} (the status page) and {@code
 * web} (what every server-rendered page shares: layout, texts in three languages, language choice).
 */
package org.vigil.http;
