package org.vigil.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.site.Camera;
import org.vigil.site.GeoPoint;
import org.vigil.site.InvalidSitesException;
import org.vigil.site.Section;
import org.vigil.site.Sites;
import org.vigil.site.SpeedLimit;

class SitesJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void writesTheContractFieldsExactly() throws Exception {
    Sites sites =
        Sites.of(
            List.of(
                new Camera(
                    "B-003",
                    "A10 km 12 northbound",
                    4,
                    new SpeedLimit(100, 10),
                    new GeoPoint(52.41, 13.05)),
                new Camera("B-007", "A10 km 14 northbound", 4, new SpeedLimit(100, 10), null)),
            List.of(new Section("S-1", "B-003", "B-007", 1138.6, new SpeedLimit(90, 10))));

    JsonNode written = json.readTree(SitesJson.write(sites));

    JsonNode expected =
        json.readTree(
            """
            {"cameras":[
              {"id":"B-003","name":"A10 km 12 northbound","lanes":4,"speedLimitKmh":100,
               "toleranceKmh":10,"location":{"lat":52.41,"lon":13.05}},
              {"id":"B-007","name":"A10 km 14 northbound","lanes":4,"speedLimitKmh":100,
               "toleranceKmh":10}],
             "sections":[{"id":"S-1","entryCameraId":"B-003","exitCameraId":"B-007",
               "distanceM":1138.6,"speedLimitKmh":90,"toleranceKmh":10}]}
            """);
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void readsWhatItWrites() {
    Sites sites =
        Sites.of(
            List.of(
                new Camera("A", "a", 2, new SpeedLimit(60, 5), new GeoPoint(43.2, 76.9)),
                new Camera("B", "b", 3, new SpeedLimit(80, 10), null)),
            List.of(new Section("S", "A", "B", 900.5, new SpeedLimit(60, 5))));
    Sites back = SitesJson.read(SitesJson.write(sites).getBytes(StandardCharsets.UTF_8));
    assertThat(back.cameras()).containsExactlyElementsOf(sites.cameras());
    assertThat(back.sections()).containsExactlyElementsOf(sites.sections());
  }

  @Test
  void namesEveryBadEntryAndField() {
    String bad =
        """
        {"cameras":[{"id":"B-003","lanes":4,"speedLimitKmh":100,"toleranceKmh":10},
                    {"id":"B-007","lanes":"four","speedLimitKmh":100,"toleranceKmh":10},
                    {"id":"B-009","lanes":2,"speedLimitKmh":0,"toleranceKmh":10},
                    {"lanes":2,"speedLimitKmh":50,"toleranceKmh":10}],
         "sections":[{"id":"S-1","entryCameraId":"B-003","exitCameraId":"B-007","speedLimitKmh":90,
                      "toleranceKmh":10}]}
        """;
    assertThatThrownBy(() -> SitesJson.read(bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidSitesException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "cameras[1] 'B-007': lanes must be a whole number, was \"four\"",
                        "cameras[2] 'B-009': speedLimitKmh must be between 1 and 300, was 0",
                        "cameras[3]: id is missing",
                        "sections[0] 'S-1': distanceM is missing"));
  }

  @Test
  void sectionsMustJoinKnownCameras() {
    String bad =
        """
        {"cameras":[{"id":"A","lanes":1,"speedLimitKmh":60,"toleranceKmh":5}],
         "sections":[{"id":"S","entryCameraId":"A","exitCameraId":"Z","distanceM":500,
                      "speedLimitKmh":60,"toleranceKmh":5}]}
        """;
    assertThatThrownBy(() -> SitesJson.read(bad.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("sections[0] 'S': exitCameraId 'Z' is not a known camera");
  }

  @Test
  void brokenJsonSaysWhere() {
    assertThatThrownBy(() -> SitesJson.read("{\"cameras\": [".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidSitesException.class)
        .hasMessageContaining("not valid JSON near line 1");
  }
}
