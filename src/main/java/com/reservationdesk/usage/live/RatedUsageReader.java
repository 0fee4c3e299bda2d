package com.reservationdesk.usage.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.usage.UsageUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Partner Center's unbilled daily rated usage of the partner's Azure plan customers, as daily VM hours per customer,
 * subscription, region and size, pay-as-you-go and covered apart.
 *
 * <p>The call, as documented (request syntax, {@code seekOperation=Next}, {@code links.next} with its
 * {@code MS-ContinuationToken} header, the line item's fields) at
 * https://learn.microsoft.com/partner-center/developer/get-invoice-unbilled-consumption-lineitems, fields explained at
 * https://learn.microsoft.com/partner-center/billing/daily-rated-usage-recon-files:
 * {@code GET /invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&currencycode={c}&period=current|previous&size={n}}.
 * Microsoft's pages mark this v1 call deprecated in favour of the asynchronous export through Microsoft Graph
 * ({@code POST /reports/partners/billing/usage/unbilled/export}); this class is the one to replace for it.
 *
 * <p>The answer holds every customer's usage, so a period is read once for all customers and kept for
 * {@code cacheFor}. A line item's {@code entitlementId} is the Azure subscription (else the subscription in its
 * {@code resourceUri}); usage with a {@code benefitOrderId} or {@code benefitType} was covered by a reservation or a
 * savings plan; Spot and Low Priority usage is left out (neither applies to it).
 */
final class RatedUsageReader {

  private static final Logger log = LoggerFactory.getLogger(RatedUsageReader.class);
  private static final String PATH = "/invoices/unbilled/lineitems";
  private static final Pattern HOURS_UNIT = Pattern.compile("(?i)\\s*(\\d+)\\s*hours?\\s*");
  private static final Pattern SUBSCRIPTION_IN_URI = Pattern.compile("(?i)/subscriptions/([0-9a-f-]{36})");
  private static final int MAX_PAGES = 100_000;

  /** Partner Center's unbilled periods: the billing month under way and the one before, until it is invoiced. */
  enum Period {
    CURRENT("current"),
    PREVIOUS("previous");

    final String apiName;

    Period(String apiName) {
      this.apiName = apiName;
    }
  }

  /** VM hours of one day (UTC) of one customer's subscription, region and size. */
  record DailyUsage(String customerId, String subscriptionId, String armRegionName, String armSkuName, LocalDate day, double payg,
      double covered) {}

  /**
   * A period's usage.
   *
   * @param available whether Partner Center had the period: a previous period already invoiced answers an error or
   *     nothing at all
   * @param lastDay the latest day any customer has usage on (usage arrives a day or more late); null without usage
   */
  record PeriodUsage(LocalDate start, boolean available, LocalDate lastDay, Map<String, List<DailyUsage>> byCustomer) {}

  private final UsageHttp http;
  private final LiveUsageProperties properties;
  private final MeterNames names;
  private final Cache<String, PeriodUsage> periods;
  private final ObjectMapper json = new ObjectMapper();

  RatedUsageReader(UsageHttp http, LiveUsageProperties properties, MeterNames names) {
    this.http = http;
    this.properties = properties;
    this.names = names;
    this.periods = Caffeine.newBuilder().expireAfterWrite(properties.cacheFor()).maximumSize(4).build();
  }

  /** The period that starts on {@code start} (the first of a month, UTC). */
  PeriodUsage period(Period period, LocalDate start) {
    return periods.get(period.apiName + "/" + start, key -> read(period, start));
  }

  private PeriodUsage read(Period period, LocalDate start) {
    URI uri = UriComponentsBuilder.fromUri(properties.partnerCenterUrl()).path(PATH)
        .queryParam("provider", "onetime")
        .queryParam("invoicelineitemtype", "usagelineitems")
        .queryParam("currencycode", properties.currency().toLowerCase(Locale.ROOT))
        .queryParam("period", period.apiName)
        .queryParam("size", properties.pageSize())
        .build().encode().toUri();
    Map<String, double[]> totals = new LinkedHashMap<>();
    Map<String, String[]> keys = new HashMap<>();
    Map<String, String> headers = Map.of();
    long items = 0;
    boolean available = true;
    for (int page = 0; page < MAX_PAGES; page++) {
      String what = "GET " + PATH + " (" + period.apiName + " period, page " + (page + 1) + ")";
      // A previous period that was invoiced meanwhile is no longer unbilled: not an error, just not there.
      UsageHttp.Answer answer = http.partnerCenter(uri, headers, what, period == Period.PREVIOUS ? Set.of(400, 404) : Set.of());
      if (!answer.ok()) {
        available = false;
        break;
      }
      JsonNode body = answer.body();
      for (JsonNode item : body == null ? List.<JsonNode>of() : iterable(body.path("items"))) {
        items++;
        add(item, totals, keys);
      }
      JsonNode next = body == null ? null : body.path("links").path("next");
      if (next == null || next.path("uri").asText("").isEmpty()) {
        break;
      }
      uri = resolve(next.path("uri").asText());
      Map<String, String> nextHeaders = new LinkedHashMap<>();
      next.path("headers").forEach(h -> nextHeaders.put(h.path("key").asText(), h.path("value").asText()));
      headers = nextHeaders;
    }
    if (period == Period.PREVIOUS && items == 0) {
      available = false;
    }
    Map<String, List<DailyUsage>> byCustomer = new HashMap<>();
    LocalDate lastDay = null;
    for (Map.Entry<String, double[]> total : totals.entrySet()) {
      String[] key = keys.get(total.getKey());
      LocalDate day = LocalDate.parse(key[4]);
      byCustomer.computeIfAbsent(key[0], c -> new ArrayList<>())
          .add(new DailyUsage(key[0], key[1], key[2], key[3], day, total.getValue()[0], total.getValue()[1]));
      lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
    }
    log.info("Partner Center rated usage, {} period from {}: {} line items, {} daily VM totals of {} customers{}", period.apiName, start,
        items, totals.size(), byCustomer.size(), available ? "" : " (not available)");
    return new PeriodUsage(start, available, lastDay, byCustomer);
  }

  /** Adds a line item's VM hours to its day's total; other meters, Spot and unnamed sizes are skipped. */
  private void add(JsonNode item, Map<String, double[]> totals, Map<String, String[]> keys) {
    if (!MeterNames.isVirtualMachines(item.path("meterCategory").asText(""))) {
      return;
    }
    Optional<String> size = names.armSize(item.path("meterSubCategory").asText(""), item.path("meterName").asText(""),
        additionalInfo(item.path("additionalInfo")));
    String customerId = item.path("customerId").asText("").toLowerCase(Locale.ROOT);
    String subscriptionId = subscriptionId(item);
    LocalDate day = day(item.path("usageDate").asText(""));
    if (size.isEmpty() || customerId.isEmpty() || subscriptionId == null || day == null) {
      return;
    }
    String location = item.path("resourceLocation").asText("");
    String region = names.armRegion(location.isBlank() ? item.path("meterRegion").asText("") : location);
    double hours = item.path("quantity").asDouble(0) * hoursPerUnit(item.path("unitOfMeasure").asText(""));
    boolean covered = !item.path("benefitOrderId").asText("").isBlank() || !item.path("benefitType").asText("").isBlank();
    String[] key = {customerId, subscriptionId, region, size.get(), day.toString()};
    String joined = String.join("|", key);
    keys.putIfAbsent(joined, key);
    totals.computeIfAbsent(joined, k -> new double[2])[covered ? 1 : 0] += hours;
  }

  private String subscriptionId(JsonNode item) {
    String entitlement = item.path("entitlementId").asText("");
    if (!entitlement.isBlank()) {
      return entitlement.toLowerCase(Locale.ROOT);
    }
    Matcher inUri = SUBSCRIPTION_IN_URI.matcher(item.path("resourceUri").asText(""));
    return inUri.find() ? inUri.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** {@code additionalInfo} is a string holding JSON in the documented answer; an object is taken as it is. */
  private JsonNode additionalInfo(JsonNode field) {
    if (field.isObject()) {
      return field;
    }
    if (field.isTextual() && !field.asText().isBlank()) {
      try {
        return json.readTree(field.asText());
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /** VM meters count hours; some old meters count in packs ({@code 10 Hours}). */
  static double hoursPerUnit(String unitOfMeasure) {
    Matcher hours = HOURS_UNIT.matcher(unitOfMeasure);
    return hours.matches() ? Double.parseDouble(hours.group(1)) : 1;
  }

  private static LocalDate day(String usageDate) {
    if (usageDate.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(usageDate).atZone(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(usageDate.substring(0, Math.min(10, usageDate.length())));
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /** A {@code links.next.uri}: absolute on the API's host, or relative to the API (with or without its base path). */
  URI resolve(String next) {
    URI base = properties.partnerCenterUrl();
    URI target;
    if (next.startsWith("http://") || next.startsWith("https://")) {
      target = URI.create(next);
    } else {
      String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
      String path = next.startsWith("/") ? next : "/" + next;
      if (!basePath.isEmpty() && !path.startsWith(basePath + "/")) {
        path = basePath + path;
      }
      target = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }
    if (!base.getRawAuthority().equalsIgnoreCase(target.getRawAuthority())) {
      // The bearer token goes with the request: never to another host.
      throw new UsageUnavailableException("Partner Center's next page points to another host ("
          + target.getHost() + "); not followed", null);
    }
    return target;
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array.isArray() ? array : List.of();
  }
}
