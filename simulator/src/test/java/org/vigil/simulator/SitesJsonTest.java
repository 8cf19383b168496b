package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigil.site.Camera;
import org.vigil.site.Section;

class SitesJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theCitysSitesJsonDescribesItsSites() throws Exception {
    SimulatedCity city = new SimulatedCity(CityConfig.defaults());

    JsonNode root = json.readTree(city.sitesJson());

    assertThat(root.get("cameras")).hasSize(12);
    assertThat(root.get("sections")).hasSize(4);
    JsonNode camera = root.get("cameras").get(0);
    Camera first = city.sites().cameras().iterator().next();
    assertThat(camera.get("id").asText()).isEqualTo(first.id()).isEqualTo("C-001");
    assertThat(camera.get("name").asText()).isEqualTo(first.name());
    assertThat(camera.get("lanes").asInt()).isEqualTo(first.lanes());
    assertThat(camera.get("speedLimitKmh").asInt()).isEqualTo(first.limit().limitKmh());
    assertThat(camera.get("toleranceKmh").asInt()).isEqualTo(10);
    assertThat(camera.get("location").get("lat").asDouble()).isEqualTo(first.location().lat());
    assertThat(camera.get("location").get("lon").asDouble()).isEqualTo(first.location().lon());
    JsonNode section = root.get("sections").get(0);
    Section s1 = city.sites().section("S-1").orElseThrow();
    assertThat(section.get("entryCameraId").asText()).isEqualTo(s1.entryCameraId());
    assertThat(section.get("exitCameraId").asText()).isEqualTo(s1.exitCameraId());
    assertThat(section.get("distanceM").asDouble()).isEqualTo(s1.distanceM());
    assertThat(section.get("speedLimitKmh").asInt()).isEqualTo(s1.limit().limitKmh());
    assertThat(section.get("toleranceKmh").asInt()).isEqualTo(s1.limit().toleranceKmh());
  }
}
