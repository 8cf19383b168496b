package org.vigil.site;

/**
 * Where the site configuration is kept between runs. Implementations report storage failures as
 * unchecked exceptions; a failed {@link #save} leaves the previous configuration in place.
 */
public interface SiteRepository {

  /** The stored configuration, {@link Sites#empty()} when none was ever saved. */
  Sites load();

  /** Replaces the stored configuration. */
  void save(Sites sites);
}
