package com.reservationdesk.usage.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UsageUnavailableException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Azure's reservation recommendations for virtual machines, single scope, per subscription:
 * {@code GET {arm}/subscriptions/{id}/providers/Microsoft.Consumption/reservationRecommendations?api-version=2024-08-01
 * &$filter=properties/scope eq 'Single' and properties/lookBackPeriod eq 'Last30Days' and properties/resourceType eq
 * 'VirtualMachines'}, following {@code nextLink}; 204 means none. Shapes from the API's examples
 * (azure-rest-api-specs, specification/consumption/.../stable/2024-08-01/examples/ReservationRecommendations*.json):
 * the {@code legacy} kind has {@code sku} and {@code location} beside {@code properties} and plain numbers for costs,
 * the {@code modern} kind (Microsoft Customer Agreement, which an Azure plan is) has {@code properties.skuName},
 * {@code properties.location} and costs as {@code {currency, value}}. Both are read.
 *
 * <p>The token is the customer's tenant's: without access there (no token, 401, 403) the answer is "no Azure
 * recommendations", not an error.
 */
final class AzureRecommendationsReader {

  private static final Logger log = LoggerFactory.getLogger(AzureRecommendationsReader.class);
  static final String API_VERSION = "2024-08-01";
  private static final int MAX_PAGES = 1_000;

  private final UsageHttp http;
  private final LiveUsageProperties properties;

  AzureRecommendationsReader(UsageHttp http, LiveUsageProperties properties) {
    this.http = http;
    this.properties = properties;
  }

  static String filter(LookBack lookBack) {
    return "properties/scope eq 'Single' and properties/lookBackPeriod eq '" + lookBack.azureName()
        + "' and properties/resourceType eq 'VirtualMachines'";
  }

  List<AzureRecommendation> read(String tenantId, List<String> subscriptionIds, LookBack lookBack) {
    List<AzureRecommendation> recommendations = new ArrayList<>();
    for (String subscriptionId : subscriptionIds) {
      URI uri = UriComponentsBuilder.fromUri(properties.armUrl())
          .path("/subscriptions/{subscriptionId}/providers/Microsoft.Consumption/reservationRecommendations")
          .queryParam("api-version", API_VERSION)
          .queryParam("$filter", "{filter}")
          .encode().buildAndExpand(subscriptionId, filter(lookBack)).toUri();
      for (int page = 0; page < MAX_PAGES && uri != null; page++) {
        String what = "GET /subscriptions/{id}/providers/Microsoft.Consumption/reservationRecommendations (page " + (page + 1) + ")";
        UsageHttp.Answer answer = http.arm(uri, tenantId, what);
        if (!answer.ok()) {
          log.info("No Azure recommendations for customer {}: no access to its Azure tenant ({})", tenantId,
              answer.status() == 0 ? "no token" : "HTTP " + answer.status());
          return List.of();
        }
        JsonNode body = answer.body();
        if (body == null) {
          break; // 204: nothing to recommend
        }
        for (JsonNode value : body.path("value")) {
          AzureRecommendation recommendation = parse(value, subscriptionId, lookBack);
          if (recommendation != null) {
            recommendations.add(recommendation);
          }
        }
        String next = body.path("nextLink").asText("");
        uri = next.isBlank() ? null : sameHost(URI.create(next));
      }
    }
    return recommendations;
  }

  /** One element of {@code value}, legacy or modern; null for another resource type or one without a size. */
  static AzureRecommendation parse(JsonNode value, String subscriptionId, LookBack lookBack) {
    JsonNode p = value.path("properties");
    String resourceType = p.path("resourceType").asText("");
    if (!resourceType.isEmpty() && !resourceType.equalsIgnoreCase("VirtualMachines")) {
      return null;
    }
    String size = text(p.path("skuName"), value.path("sku"));
    String region = text(p.path("location"), value.path("location"));
    if (size == null || region == null) {
      return null;
    }
    String currency = currency(p.path("costWithNoReservedInstances"), p.path("totalCostWithReservedInstances"), p.path("netSavings"));
    String subscription = text(p.path("subscriptionId"));
    return new AzureRecommendation(subscription == null ? subscriptionId : subscription.toLowerCase(Locale.ROOT), size,
        region.toLowerCase(Locale.ROOT), text(p.path("term")), text(p.path("scope")), decimal(p.path("recommendedQuantity")),
        text(p.path("normalizedSize")), decimal(p.path("recommendedQuantityNormalized")), text(p.path("instanceFlexibilityGroup")),
        decimal(p.path("instanceFlexibilityRatio")), amount(p.path("costWithNoReservedInstances")),
        amount(p.path("totalCostWithReservedInstances")), amount(p.path("netSavings")), currency, lookBack,
        instant(p.path("firstUsageDate")));
  }

  private URI sameHost(URI next) {
    if (!properties.armUrl().getRawAuthority().equalsIgnoreCase(next.getRawAuthority())) {
      // The bearer token goes with the request: never to another host.
      throw new UsageUnavailableException("Azure Resource Manager's nextLink points to another host (" + next.getHost()
          + "); not followed", null);
    }
    return next;
  }

  private static String text(JsonNode... candidates) {
    for (JsonNode node : candidates) {
      if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) {
        return node.asText();
      }
    }
    return null;
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : node.isTextual() && !node.asText().isBlank() ? new BigDecimal(node.asText()) : null;
  }

  /** A cost: a number (legacy) or {@code {currency, value}} (modern). */
  private static BigDecimal amount(JsonNode node) {
    return decimal(node.isObject() ? node.path("value") : node);
  }

  private static String currency(JsonNode... amounts) {
    for (JsonNode amount : amounts) {
      String currency = text(amount.path("currency"));
      if (currency != null) {
        return currency;
      }
    }
    return null;
  }

  private static Instant instant(JsonNode node) {
    String text = text(node);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
