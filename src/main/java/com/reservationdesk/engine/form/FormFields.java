package com.reservationdesk.engine.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables a Camunda Form lets its user write: the key of every input field, or the first segment of
 * a dotted key or a group's path (form-js writes those as one object). Text, tables, images and other
 * display components declare nothing.
 */
public final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "table", "iframe", "button", "separator",
      "spacer", "documentPreview", "default");

  private FormFields() {}

  public static Set<String> declaredBy(InputStream form) {
    try (form) {
      Set<String> names = new TreeSet<>();
      collect(JSON.readTree(form), names);
      return Set.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable Camunda Form", e);
    }
  }

  private static void collect(JsonNode component, Set<String> names) {
    String type = component.path("type").asText("");
    if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
      // A group or dynamic list with a path writes one object under the path's first segment.
      names.add(firstSegment(component.path("path").asText()));
      return;
    }
    if (component.hasNonNull("key") && !DISPLAY_ONLY.contains(type)) {
      names.add(firstSegment(component.path("key").asText()));
    }
    for (JsonNode child : component.path("components")) {
      collect(child, names);
    }
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return (dot < 0 ? key : key.substring(0, dot)).trim();
  }
}
