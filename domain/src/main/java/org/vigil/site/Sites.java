package org.vigil.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, consistent snapshot of every camera and section: camera and section identifiers are
 * unique and every section joins two known cameras.
 *
 * <p>Changes make a new snapshot ({@link #withCamera}, {@link #withSection}, ...), so a detection
 * is always decided against one consistent configuration.
 */
public final class Sites {
  private static final Sites EMPTY = new Sites(Map.of(), Map.of());

  private final Map<String, Camera> cameras;
  private final Map<String, Section> sections;
  private final Map<String, List<Section>> sectionsByEntry;
  private final Map<String, List<Section>> sectionsByExit;

  private Sites(Map<String, Camera> cameras, Map<String, Section> sections) {
    this.cameras = cameras;
    this.sections = sections;
    Map<String, List<Section>> byEntry = new LinkedHashMap<>();
    Map<String, List<Section>> byExit = new LinkedHashMap<>();
    for (Section s : sections.values()) {
      byEntry.computeIfAbsent(s.entryCameraId(), k -> new ArrayList<>()).add(s);
      byExit.computeIfAbsent(s.exitCameraId(), k -> new ArrayList<>()).add(s);
    }
    byEntry.replaceAll((k, v) -> List.copyOf(v));
    byExit.replaceAll((k, v) -> List.copyOf(v));
    this.sectionsByEntry = Map.copyOf(byEntry);
    this.sectionsByExit = Map.copyOf(byExit);
  }

  /** No cameras and no sections. */
  public static Sites empty() {
    return EMPTY;
  }

  /**
   * Checks the whole configuration and makes a snapshot of it.
   *
   * @throws InvalidSitesException listing every duplicate identifier and every section that names
   *     an unknown camera
   */
  public static Sites of(Collection<Camera> cameras, Collection<Section> sections) {
    List<String> problems = new ArrayList<>();
    Map<String, Camera> cameraMap = new LinkedHashMap<>();
    int i = 0;
    for (Camera c : cameras) {
      if (cameraMap.putIfAbsent(c.id(), c) != null) {
        problems.add("cameras[" + i + "] '" + c.id() + "': id is used by an earlier camera");
      }
      i++;
    }
    Map<String, Section> sectionMap = new LinkedHashMap<>();
    i = 0;
    for (Section s : sections) {
      String where = "sections[" + i + "] '" + s.id() + "': ";
      if (sectionMap.putIfAbsent(s.id(), s) != null) {
        problems.add(where + "id is used by an earlier section");
      }
      if (!cameraMap.containsKey(s.entryCameraId())) {
        problems.add(where + "entryCameraId '" + s.entryCameraId() + "' is not a known camera");
      }
      if (!cameraMap.containsKey(s.exitCameraId())) {
        problems.add(where + "exitCameraId '" + s.exitCameraId() + "' is not a known camera");
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidSitesException(problems);
    }
    return new Sites(
        Collections.unmodifiableMap(cameraMap), Collections.unmodifiableMap(sectionMap));
  }

  public Optional<Camera> camera(String id) {
    return Optional.ofNullable(cameras.get(id));
  }

  public Optional<Section> section(String id) {
    return Optional.ofNullable(sections.get(id));
  }

  /** Every camera, in the order they were configured. */
  public Collection<Camera> cameras() {
    return cameras.values();
  }

  /** Every section, in the order they were configured. */
  public Collection<Section> sections() {
    return sections.values();
  }

  /** The sections that start at {@code cameraId}, possibly none. */
  public List<Section> sectionsStartingAt(String cameraId) {
    return sectionsByEntry.getOrDefault(cameraId, List.of());
  }

  /** The sections that end at {@code cameraId}, possibly none. */
  public List<Section> sectionsEndingAt(String cameraId) {
    return sectionsByExit.getOrDefault(cameraId, List.of());
  }

  /** A snapshot with {@code camera} added or replacing the camera of the same id. */
  public Sites withCamera(Camera camera) {
    Map<String, Camera> next = new LinkedHashMap<>(cameras);
    next.put(camera.id(), camera);
    return of(next.values(), sections.values());
  }

  /**
   * A snapshot without the camera {@code id}.
   *
   * @throws InvalidSitesException when a section still uses it
   */
  public Sites withoutCamera(String id) {
    Map<String, Camera> next = new LinkedHashMap<>(cameras);
    next.remove(id);
    return of(next.values(), sections.values());
  }

  /** A snapshot with {@code section} added or replacing the section of the same id. */
  public Sites withSection(Section section) {
    Map<String, Section> next = new LinkedHashMap<>(sections);
    next.put(section.id(), section);
    return of(cameras.values(), next.values());
  }

  /** A snapshot without the section {@code id}. */
  public Sites withoutSection(String id) {
    Map<String, Section> next = new LinkedHashMap<>(sections);
    next.remove(id);
    return of(cameras.values(), next.values());
  }
}
