package org.vigil.http.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsFieldsAndFilesAsBrowsersSendThem() {
    String body =
        "preamble\r\n--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
            + "Мен көлікті басқарған жоқпын\r\nекінші жол\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"files\"; filename=\"a;b \\\"c.jpg\"\r\n"
            + "Content-Type: IMAGE/JPEG\r\n\r\n"
            + "\u00ff\u00d8--XyZ-not-a-boundary\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + "\r\n--XyZ--\r\nepilogue";
    List<Multipart.Part> parts = Multipart.parse(bytes(body), "XyZ");
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).name()).isEqualTo("text");
    assertThat(parts.get(0).fileName()).isNull();
    assertThat(parts.get(0).text()).isEqualTo("Мен көлікті басқарған жоқпын\r\nекінші жол");
    assertThat(parts.get(1).fileName()).isEqualTo("a;b \\");
    assertThat(parts.get(1).contentType()).isEqualTo("image/jpeg");
    assertThat(parts.get(1).text()).isEqualTo("\u00ff\u00d8--XyZ-not-a-boundary");
    assertThat(parts.get(2).fileName()).isEmpty();
    assertThat(parts.get(2).bytes()).isEmpty();
  }

  @Test
  void findsTheBoundaryQuotedOrNot() {
    assertThat(Multipart.boundary("multipart/form-data; boundary=----abc")).isEqualTo("----abc");
    assertThat(Multipart.boundary("multipart/form-data; charset=utf-8; BOUNDARY=\"a b\""))
        .isEqualTo("a b");
    assertThatThrownBy(() -> Multipart.boundary("multipart/form-data"))
        .hasMessageContaining("no usable boundary");
  }

  @Test
  void refusesWhatIsNotWellFormed() {
    assertThatThrownBy(() -> Multipart.parse(bytes("no boundary here"), "B"))
        .hasMessageContaining("no first boundary");
    assertThatThrownBy(
            () ->
                Multipart.parse(
                    bytes("--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated"),
                    "B"))
        .hasMessageContaining("does not end with the boundary");
    assertThatThrownBy(
            () -> Multipart.parse(bytes("--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--"), "B"))
        .hasMessageContaining("has no name");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= Multipart.MAX_PARTS; i++) {
      many.append("--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n");
    }
    many.append("--B--");
    assertThatThrownBy(() -> Multipart.parse(bytes(many.toString()), "B"))
        .hasMessageContaining("more than " + Multipart.MAX_PARTS + " parts");
  }
}
