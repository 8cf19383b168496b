/**
 * The PostgreSQL adapter: where Vigil keeps what it must keep (violations, incidents, the site
 * configuration, ingest keys, users) and nothing else. {@link org.vigil.postgres.Database} opens an
 * embedded server from Maven-packaged binaries or an external one by URL and migrates the schema
 * with Flyway.
 */
package org.vigil.postgres;
