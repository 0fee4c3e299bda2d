package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How Partner Center's JSON is read and written, the same for the live adapter and the fake. */
public final class PartnerCenterJson {

  /**
   * Answers carry more than the product reads ({@code attributes}, {@code links} …), and Microsoft adds fields. Amounts
   * (a savings plan's commitment) are written as plain numbers, {@code 0.0001}, never {@code 1E-4}.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private PartnerCenterJson() {}

  /**
   * A timestamp as the API writes it: ISO 8601 with an offset (often seven fraction digits), or without one, meaning
   * UTC; null when absent or unreadable, since no decision depends on it.
   */
  static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value + (value.endsWith("Z") ? "" : "Z"));
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
