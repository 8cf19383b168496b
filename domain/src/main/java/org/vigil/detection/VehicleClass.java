package org.vigil.detection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kind of vehicle a camera reports. */
public enum VehicleClass {
  CAR,
  MOTORCYCLE,
  VAN,
  TRUCK,
  BUS,
  TAXI,
  OTHER;

  private static final String NAMES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  /**
   * Reads a class name, ignoring case.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static VehicleClass parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("vehicleClass is missing");
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown vehicleClass '" + abbreviate(name) + "', expected one of " + NAMES);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }
}
