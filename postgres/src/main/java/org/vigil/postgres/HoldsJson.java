package org.vigil.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.vigil.enforcement.Hold;

/** A violation's holds as the JSON array stored in its {@code holds} column. */
final class HoldsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HoldsJson() {}

  static String write(List<Hold> holds) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Hold h : holds) {
      array.addObject().put("kind", h.kind().name()).put("reason", h.reason());
    }
    return array.toString();
  }

  static List<Hold> read(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      List<Hold> holds = new ArrayList<>();
      for (JsonNode n : MAPPER.readTree(json)) {
        holds.add(new Hold(Hold.Kind.valueOf(n.get("kind").asText()), n.get("reason").asText()));
      }
      return holds;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable holds column: " + e.getOriginalMessage(), e);
    }
  }
}
