package com.reservationdesk.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code purchase_recommendation} table: a purchase's recommendations as the agent saw them, as JSON. */
@Repository
class RecommendationRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RecommendationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void save(String purchaseId, Recommendations recommendations, Instant now) {
    String content;
    try {
      content = json.writeValueAsString(recommendations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the recommendations of purchase " + purchaseId, e);
    }
    int updated = jdbc.sql("update purchase_recommendation set computed_at = ?, look_back_days = ?, content = ? where purchase_id = ?")
        .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), recommendations.lookBackDays(), content, purchaseId).update();
    if (updated == 0) {
      jdbc.sql("insert into purchase_recommendation (purchase_id, computed_at, look_back_days, content) values (?, ?, ?, ?)")
          .params(purchaseId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), recommendations.lookBackDays(), content).update();
    }
  }

  Optional<Recommendations> find(String purchaseId) {
    return jdbc.sql("select content from purchase_recommendation where purchase_id = ?").param(purchaseId)
        .query(String.class).optional().map(content -> {
          try {
            return json.readValue(content, Recommendations.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the recommendations of purchase " + purchaseId, e);
          }
        });
  }
}
