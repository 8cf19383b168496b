package org.vigil.pipeline;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.vigil.site.Camera;
import org.vigil.site.Section;
import org.vigil.site.SignSetting;
import org.vigil.site.SiteRepository;
import org.vigil.site.Sites;

/**
 * The site configuration in force: read lock-free by every detection, changed by administrators. A
 * change is validated (by building the new {@link Sites}), saved, and only then put in force; a
 * change that fails either step leaves everything as it was.
 */
public final class SiteRegistry {
  private final SiteRepository repository;
  private final AtomicReference<Sites> current;

  /** Starts with the configuration stored in {@code repository}. */
  public SiteRegistry(SiteRepository repository) {
    this.repository = repository;
    this.current = new AtomicReference<>(repository.load());
  }

  /** The configuration in force now. */
  public Sites current() {
    return current.get();
  }

  /**
   * Puts in force what the repository holds now: how a node that does not take administrators'
   * changes itself (an ingest or processing node of the Kafka runtime) follows the node that does.
   * A stored configuration that no longer loads leaves the one in force as it was.
   */
  public synchronized Sites reload() {
    Sites stored = repository.load();
    current.set(stored);
    return stored;
  }

  /** Replaces the whole configuration, e.g. from a {@code --sites} file. */
  public synchronized Sites replace(Sites sites) {
    return change(old -> sites);
  }

  public synchronized Sites putCamera(Camera camera) {
    return change(old -> old.withCamera(camera));
  }

  public synchronized Sites removeCamera(String id) {
    return change(old -> old.withoutCamera(id));
  }

  public synchronized Sites putSection(Section section) {
    return change(old -> old.withSection(section));
  }

  public synchronized Sites removeSection(String id) {
    return change(old -> old.withoutSection(id));
  }

  /**
   * Records what camera {@code id}'s variable message sign shows from {@code setting}'s moment on.
   *
   * @throws IllegalArgumentException when there is no such camera
   */
  public synchronized Camera signAtCamera(String id, SignSetting setting) {
    Camera camera =
        current()
            .camera(id)
            .orElseThrow(() -> new IllegalArgumentException("no camera '" + id + "'"));
    Camera next = camera.withLimits(camera.limits().withSign(setting));
    change(old -> old.withCamera(next));
    return next;
  }

  /**
   * Records what section {@code id}'s variable message signs show from {@code setting}'s moment on.
   *
   * @throws IllegalArgumentException when there is no such section
   */
  public synchronized Section signAtSection(String id, SignSetting setting) {
    Section section =
        current()
            .section(id)
            .orElseThrow(() -> new IllegalArgumentException("no section '" + id + "'"));
    Section next = section.withLimits(section.limits().withSign(setting));
    change(old -> old.withSection(next));
    return next;
  }

  private Sites change(UnaryOperator<Sites> edit) {
    Sites next = edit.apply(current.get());
    repository.save(next);
    current.set(next);
    return next;
  }
}
