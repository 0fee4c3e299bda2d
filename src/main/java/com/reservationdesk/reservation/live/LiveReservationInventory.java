package com.reservationdesk.reservation.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.DailyUtilization;
import com.reservationdesk.reservation.NoTenantAccessException;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationPage;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.ReservationUtilization;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import com.reservationdesk.reservation.ScopeChange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reservations from Microsoft. What a customer owns is Partner Center's reserved-instance entitlements
 * ({@code GET /customers/{id}/entitlements?entitlementType=reservedInstance&showExpiry=true}:
 * learn.microsoft.com/partner-center/developer/get-a-collection-of-entitlements; each names its Partner Center order in
 * {@code referenceOrder.id}, its expiry in {@code expiryDate}, and its Azure reservation order in the {@code resourceId}
 * of its {@code reservedinstance} artifact), joined with Azure's reservations of each order
 * ({@code GET /providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations}, api-version 2022-11-01:
 * learn.microsoft.com/rest/api/reserved-vm-instances/reservation/list) read with a token of the customer's tenant.
 *
 * <p>Utilization is {@code GET /providers/Microsoft.Capacity/reservationorders/{orderId}/providers/Microsoft.Consumption/
 * reservationSummaries?grain=daily&$filter=properties/UsageDate ge '…' and properties/UsageDate le '…'} (api-version
 * 2023-05-01: learn.microsoft.com/rest/api/consumption/reservations-summaries/list-by-reservation-order), keeping the
 * reservation's rows. A scope change is {@code PATCH …/reservationOrders/{orderId}/reservations/{id}}
 * (learn.microsoft.com/rest/api/reserved-vm-instances/reservation/update); a 202 is followed through its
 * {@code Azure-AsyncOperation} or {@code Location} until done, at most {@code max-polls} times. A scope the reservation
 * already has sends no PATCH.
 *
 * <p>The partner-wide listing walks Partner Center's customers ({@code GET /customers?size=n}, next pages through
 * {@code links.next} and its {@code MS-ContinuationToken}) and lists each one's reservations. Its continuation holds the
 * customers page it stopped in (the request that gave it), the customer and how many of its reservations were already
 * listed, so memory holds one customers page and one customer's reservations. A customer whose Azure tenant the partner
 * cannot read is logged and left out of the sweep (asking for that customer says why).
 */
public class LiveReservationInventory implements ReservationInventory {

  private static final Logger log = LoggerFactory.getLogger(LiveReservationInventory.class);
  private static final Set<Integer> NOT_FOUND = Set.of(400, 404);
  private static final String CONTINUATION_PREFIX = "live\n";

  /** What Partner Center says of a reservation order: the Partner Center order it came from and its expiry. */
  record Entitlement(String reservationOrderId, String partnerCenterOrderId, LocalDate expiryDate) {}

  private final ReservationHttp http;
  private final LiveReservationProperties properties;
  private final Clock clock;

  LiveReservationInventory(ReservationHttp http, LiveReservationProperties properties, Clock clock) {
    this.http = http;
    this.properties = properties;
    this.clock = clock;
  }

  /** The requests, shared with the returns adapter of the same app registration. */
  ReservationHttp http() {
    return http;
  }

  LiveReservationProperties properties() {
    return properties;
  }

  @Override
  public List<OwnedReservation> reservationsOf(String customerId) {
    String customer = customerId(customerId);
    List<OwnedReservation> reservations = new ArrayList<>();
    for (Entitlement entitlement : entitlements(customer).values()) {
      reservations.addAll(reservationsOfOrder(customer, entitlement));
    }
    reservations.sort(Comparator.comparing(OwnedReservation::purchaseDate).thenComparing(OwnedReservation::reservationOrderId)
        .thenComparing(OwnedReservation::reservationId));
    return reservations;
  }

  @Override
  public ReservationPage allReservations(int pageSize, String continuation) {
    int size = ReservationPage.checkedPageSize(pageSize);
    Cursor cursor = continuation == null ? new Cursor(customersUri(), null, 0, 0) : Cursor.decode(continuation);
    // A continuation comes back from the caller: its address must still be Partner Center's before a token goes there.
    cursor = new Cursor(resolve(cursor.pageUri().toString()), cursor.pageToken(), cursor.index(), cursor.skip());
    List<OwnedReservation> page = new ArrayList<>();
    while (true) {
      ReservationHttp.Answer customers = http.partnerCenter(cursor.pageUri(), cursor.pageToken(), "GET /customers", Set.of());
      JsonNode items = customers.body() == null ? null : customers.body().path("items");
      int count = items == null || !items.isArray() ? 0 : items.size();
      for (int index = cursor.index(); index < count; index++) {
        List<OwnedReservation> owned = sweepCustomer(items.get(index).path("id").asText(""));
        for (int skip = index == cursor.index() ? cursor.skip() : 0; skip < owned.size(); skip++) {
          page.add(owned.get(skip));
          if (page.size() == size) {
            return new ReservationPage(page, new Cursor(cursor.pageUri(), cursor.pageToken(), index, skip + 1).encode());
          }
        }
      }
      JsonNode next = customers.body() == null ? null : customers.body().path("links").path("next");
      if (next == null || next.isMissingNode() || next.path("uri").asText("").isBlank()) {
        return new ReservationPage(page, null);
      }
      String token = null;
      for (JsonNode header : next.path("headers")) {
        if ("MS-ContinuationToken".equalsIgnoreCase(header.path("key").asText())) {
          token = header.path("value").asText(null);
        }
      }
      cursor = new Cursor(resolve(next.path("uri").asText()), token, 0, 0);
    }
  }

  @Override
  public ReservationUtilization utilization(String customerId, String reservationOrderId, String reservationId, LocalDate from,
      LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("A utilization range runs from a day to the same or a later day");
    }
    String customer = customerId(customerId);
    Entitlement entitlement = requireEntitlement(customer, reservationOrderId, reservationId);
    OwnedReservation reservation = reservation(customer, entitlement, reservationId);
    String filter = "properties/UsageDate ge '" + from + "' and properties/UsageDate le '" + to + "'";
    URI uri = UriComponentsBuilder.fromUri(properties.armUrl())
        .path("/providers/Microsoft.Capacity/reservationorders/{orderId}/providers/Microsoft.Consumption/reservationSummaries")
        .queryParam("grain", "daily").queryParam("$filter", "{filter}").queryParam("api-version", properties.consumptionApiVersion())
        .encode().buildAndExpand(reservation.reservationOrderId(), filter).toUri();
    Map<LocalDate, DailyUtilization> days = new TreeMap<>();
    for (JsonNode value : pages(uri, customer, "GET …/reservationorders/{orderId}/providers/Microsoft.Consumption/reservationSummaries")) {
      JsonNode p = value.path("properties");
      LocalDate day = date(p.path("usageDate").asText(""));
      if (day == null || day.isBefore(from) || day.isAfter(to) || !reservation.reservationId().equals(lastSegment(p.path("reservationId").asText("")))) {
        continue;
      }
      days.put(day, new DailyUtilization(day, p.path("avgUtilizationPercentage").asDouble(), p.path("minUtilizationPercentage").asDouble(),
          p.path("maxUtilizationPercentage").asDouble(), p.path("reservedHours").asDouble(), p.path("usedHours").asDouble()));
    }
    return new ReservationUtilization(reservation.reservationOrderId(), reservation.reservationId(), from, to, List.copyOf(days.values()));
  }

  @Override
  public OwnedReservation changeScope(String customerId, String reservationOrderId, String reservationId, ScopeChange change) {
    String customer = customerId(customerId);
    Entitlement entitlement = requireEntitlement(customer, reservationOrderId, reservationId);
    OwnedReservation reservation = reservation(customer, entitlement, reservationId);
    if (OwnedReservation.EXPIRED.equalsIgnoreCase(reservation.provisioningState()) || !today().isBefore(reservation.expiryDate())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_EXPIRED, "expired on " + reservation.expiryDate());
    }
    if (!OwnedReservation.SUCCEEDED.equalsIgnoreCase(reservation.provisioningState())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_SUCCEEDED, "provisioning state " + reservation.provisioningState());
    }
    if (change.type() == AppliedScopeType.SINGLE && !activeAzureSubscriptions(customer).contains(change.subscriptionId())) {
      throw new ReservationRefusedException(Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION, change.subscriptionId());
    }
    if (change.isAlreadyOn(reservation)) {
      return reservation;
    }
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("appliedScopeType", change.type().azureName());
    if (change.type() == AppliedScopeType.SINGLE) {
      patch.put("appliedScopes", change.appliedScopes());
    }
    String what = "PATCH /providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations/{id}";
    ReservationHttp.Answer answer = http.arm(HttpMethod.PATCH, reservationUri(reservation.reservationOrderId(), reservation.reservationId()),
        customer, Map.of("properties", patch), what, Set.of());
    if (answer.status() == 202) {
      awaitOperation(answer, customer);
    }
    return reservation(customer, entitlement, reservationId);
  }

  // --- Partner Center ---

  /** The customer's reserved-instance entitlements by reservation order id; an unknown customer is refused. */
  Map<String, Entitlement> entitlements(String customer) {
    URI uri = UriComponentsBuilder.fromUri(properties.partnerCenterUrl()).path("/customers/{id}/entitlements")
        .queryParam("entitlementType", "reservedInstance").queryParam("showExpiry", "true").encode().buildAndExpand(customer).toUri();
    ReservationHttp.Answer answer = http.partnerCenter(uri, null, "GET /customers/{id}/entitlements", NOT_FOUND);
    if (!answer.ok()) {
      throw new ReservationRefusedException(Refusal.UNKNOWN_CUSTOMER, customer);
    }
    Map<String, Entitlement> byOrder = new LinkedHashMap<>();
    JsonNode items = answer.body() == null ? null : answer.body().path("items");
    for (JsonNode item : items == null ? List.<JsonNode>of() : items) {
      if (!"reservedInstance".equalsIgnoreCase(item.path("entitlementType").asText())) {
        continue;
      }
      for (JsonNode artifact : item.path("entitledArtifacts")) {
        String orderId = artifact.path("resourceId").asText("").toLowerCase(Locale.ROOT);
        if ("reservedinstance".equalsIgnoreCase(artifact.path("artifactType").asText()) && !orderId.isBlank()) {
          byOrder.putIfAbsent(orderId, new Entitlement(orderId, text(item.path("referenceOrder").path("id")),
              date(item.path("expiryDate").asText(""))));
        }
      }
    }
    return byOrder;
  }

  /** The subscription ids of the customer's active Azure subscriptions: under its active Azure plan, or legacy CSP Azure offers. */
  private Set<String> activeAzureSubscriptions(String customer) {
    URI uri = UriComponentsBuilder.fromUri(properties.partnerCenterUrl()).path("/customers/{id}/subscriptions").encode()
        .buildAndExpand(customer).toUri();
    JsonNode subscriptions = http.partnerCenter(uri, null, "GET /customers/{id}/subscriptions", Set.of()).body();
    Set<String> active = new HashSet<>();
    for (JsonNode subscription : subscriptions == null ? List.<JsonNode>of() : subscriptions.path("items")) {
      String offerId = subscription.path("offerId").asText("");
      String id = subscription.path("id").asText("").toLowerCase(Locale.ROOT);
      if (!"active".equalsIgnoreCase(subscription.path("status").asText())) {
        continue;
      }
      if (Subscription.LEGACY_AZURE_OFFER_ID.equalsIgnoreCase(offerId)) {
        active.add(id);
      } else if (offerId.startsWith(Subscription.AZURE_PLAN_PRODUCT_ID)) {
        URI entitlements = UriComponentsBuilder.fromUri(properties.partnerCenterUrl())
            .path("/customers/{id}/subscriptions/{planId}/azureEntitlements").encode().buildAndExpand(customer, id).toUri();
        JsonNode azure = http.partnerCenter(entitlements, null, "GET /customers/{id}/subscriptions/{planId}/azureEntitlements",
            Set.of()).body();
        for (JsonNode entitlement : azure == null ? List.<JsonNode>of() : azure.path("items")) {
          if ("active".equalsIgnoreCase(entitlement.path("status").asText())) {
            active.add(entitlement.path("subscriptionId").asText("").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return active;
  }

  // --- Azure Resource Manager ---

  private List<OwnedReservation> reservationsOfOrder(String customer, Entitlement entitlement) {
    URI uri = UriComponentsBuilder.fromUri(properties.armUrl()).path("/providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations")
        .queryParam("api-version", properties.capacityApiVersion()).encode().buildAndExpand(entitlement.reservationOrderId()).toUri();
    List<OwnedReservation> reservations = new ArrayList<>();
    for (JsonNode value : pages(uri, customer, "GET /providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations")) {
      parse(value, customer, entitlement).ifPresent(reservations::add);
    }
    return reservations;
  }

  /** One reservation; a reservation order or reservation Azure does not know in the customer's tenant is refused. */
  private OwnedReservation reservation(String customer, Entitlement entitlement, String reservationId) {
    ReservationHttp.Answer answer = http.arm(HttpMethod.GET, reservationUri(entitlement.reservationOrderId(), reservationId), customer, null,
        "GET /providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations/{id}", NOT_FOUND);
    if (!answer.ok() || answer.body() == null) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, entitlement.reservationOrderId() + "/" + reservationId);
    }
    return parse(answer.body(), customer, entitlement).orElseThrow(() -> new ReservationsUnavailableException(
        "Azure answered a reservation Reservation Desk cannot read (" + entitlement.reservationOrderId() + "/" + reservationId + ")", null));
  }

  /** The {@code value}s of every page, following {@code nextLink} on Azure Resource Manager's host only. */
  private List<JsonNode> pages(URI first, String customer, String what) {
    List<JsonNode> values = new ArrayList<>();
    URI uri = first;
    for (int page = 0; uri != null && page < 1_000; page++) {
      ReservationHttp.Answer answer = http.arm(HttpMethod.GET, uri, customer, null, what, NOT_FOUND);
      if (!answer.ok() || answer.body() == null) {
        break;
      }
      answer.body().path("value").forEach(values::add);
      String next = answer.body().path("nextLink").asText("");
      uri = next.isBlank() ? null : http.requireArmHost(URI.create(next), what + " (nextLink)");
    }
    return values;
  }

  /** Follows an accepted (202) change until Azure says it is done: {@code Azure-AsyncOperation} first, else {@code Location}. */
  private void awaitOperation(ReservationHttp.Answer accepted, String customer) {
    String asyncOperation = accepted.headers().getFirst("Azure-AsyncOperation");
    String location = accepted.headers().getFirst(HttpHeaders.LOCATION);
    if (asyncOperation == null && location == null) {
      return; // nothing to follow: the reservation read afterwards says where it stands
    }
    URI operation = http.requireArmHost(URI.create(asyncOperation != null ? asyncOperation : location), "the scope change's operation");
    HttpHeaders headers = accepted.headers();
    for (int poll = 0; poll < properties.maxPolls(); poll++) {
      http.sleep(ReservationHttp.retryAfter(headers, properties.pollInterval()));
      ReservationHttp.Answer answer = http.arm(HttpMethod.GET, operation, customer, null, "GET the scope change's operation", Set.of());
      headers = answer.headers();
      if (asyncOperation != null) {
        String status = answer.body() == null ? "" : answer.body().path("status").asText("");
        if ("Succeeded".equalsIgnoreCase(status)) {
          return;
        }
        if ("Failed".equalsIgnoreCase(status) || "Canceled".equalsIgnoreCase(status) || "Cancelled".equalsIgnoreCase(status)) {
          throw new ReservationsUnavailableException("Azure's scope change ended " + status + ": "
              + answer.body().path("error").path("message").asText("no reason given"), null);
        }
      } else if (answer.status() != 202) {
        return;
      }
    }
    throw new ReservationsUnavailableException("Azure had not finished the scope change after " + properties.maxPolls()
        + " looks; it may still finish: read the reservation again before changing it again", null);
  }

  private URI reservationUri(String reservationOrderId, String reservationId) {
    return UriComponentsBuilder.fromUri(properties.armUrl()).path("/providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations/{id}")
        .queryParam("api-version", properties.capacityApiVersion()).encode()
        .buildAndExpand(reservationOrderId.toLowerCase(Locale.ROOT), reservationId.toLowerCase(Locale.ROOT)).toUri();
  }

  /** A reservation as Azure answers it (2022-11-01); empty for a scope type a CSP purchase never has (logged). */
  private Optional<OwnedReservation> parse(JsonNode value, String customer, Entitlement entitlement) {
    JsonNode p = value.path("properties");
    String[] path = value.path("id").asText("").toLowerCase(Locale.ROOT).split("/");
    String reservationId = path.length == 0 ? "" : path[path.length - 1];
    Optional<AppliedScopeType> scopeType = AppliedScopeType.fromAzure(p.path("appliedScopeType").asText(""));
    if (scopeType.isEmpty() || reservationId.isBlank()) {
      log.warn("Reservation {} of order {} has scope type {}, which Reservation Desk does not handle; left out", reservationId,
          entitlement.reservationOrderId(), p.path("appliedScopeType").asText(""));
      return Optional.empty();
    }
    List<String> scopes = new ArrayList<>();
    p.path("appliedScopes").forEach(scope -> scopes.add(lastSegment(scope.asText())));
    LocalDate purchase = Optional.ofNullable(date(p.path("purchaseDate").asText(""))).orElse(date(p.path("benefitStartTime").asText("")));
    LocalDate expiry = entitlement.expiryDate() != null ? entitlement.expiryDate() : date(p.path("expiryDate").asText(""));
    return Optional.of(new OwnedReservation(customer, entitlement.reservationOrderId(), reservationId, text(p.path("displayName")),
        text(value.path("sku").path("name")), value.path("location").asText("").toLowerCase(Locale.ROOT), p.path("quantity").asLong(),
        scopeType.get(), scopes, Term.of(p.path("term").asText("P1Y")),
        "Monthly".equalsIgnoreCase(p.path("billingPlan").asText()) ? BillingPlan.MONTHLY : BillingPlan.UPFRONT, purchase, expiry,
        p.path("renew").asBoolean(false), text(p.path("provisioningState")), entitlement.partnerCenterOrderId()));
  }

  private Entitlement requireEntitlement(String customer, String reservationOrderId, String reservationId) {
    Entitlement entitlement = reservationOrderId == null ? null : entitlements(customer).get(reservationOrderId.toLowerCase(Locale.ROOT));
    if (entitlement == null || reservationId == null) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, reservationOrderId + "/" + reservationId);
    }
    return entitlement;
  }

  /** The sweep's view of one customer: what it owns, or nothing (logged) when its tenant or Partner Center says no. */
  private List<OwnedReservation> sweepCustomer(String customerId) {
    try {
      return reservationsOf(customerId);
    } catch (NoTenantAccessException e) {
      log.warn("Partner-wide listing: customer {} left out: {}", customerId, e.getMessage());
      return List.of();
    } catch (ReservationRefusedException e) {
      log.warn("Partner-wide listing: customer {} left out: {}", customerId, e.getMessage());
      return List.of();
    }
  }

  private URI customersUri() {
    return UriComponentsBuilder.fromUri(properties.partnerCenterUrl()).path("/customers")
        .queryParam("size", properties.customerPageSize()).build().toUri();
  }

  /** A {@code links.next.uri}: relative to the API (with or without its base path), or absolute on its host. */
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
      throw new ReservationsUnavailableException("Partner Center's next page points to another host (" + target.getHost()
          + "); not followed", null);
    }
    return target;
  }

  /** The customer id as Partner Center writes it; anything that is no GUID is no customer of the partner's. */
  static String customerId(String customerId) {
    try {
      return UUID.fromString(customerId == null ? "" : customerId.trim()).toString();
    } catch (IllegalArgumentException e) {
      throw new ReservationRefusedException(Refusal.UNKNOWN_CUSTOMER, customerId);
    }
  }

  private LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** A date or date-time as Microsoft writes them ({@code 2027-08-29}, {@code 2027-08-29T21:20:23.81Z}, {@code …-07:00}). */
  static LocalDate date(String text) {
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return text.length() > 10 && text.endsWith("Z") ? Instant.parse(text).atZone(ZoneOffset.UTC).toLocalDate()
          : LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String lastSegment(String id) {
    String[] parts = id.toLowerCase(Locale.ROOT).split("/");
    return parts.length == 0 ? "" : parts[parts.length - 1];
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** Where the partner-wide listing stopped: the customers page (the request that gave it), the customer, its reservations listed. */
  record Cursor(URI pageUri, String pageToken, int index, int skip) {

    String encode() {
      String text = CONTINUATION_PREFIX + pageUri + "\n" + (pageToken == null ? "" : pageToken) + "\n" + index + "\n" + skip;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String continuation) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8);
        if (text.startsWith(CONTINUATION_PREFIX)) {
          String[] parts = text.substring(CONTINUATION_PREFIX.length()).split("\n", -1);
          return new Cursor(URI.create(parts[0]), parts[1].isEmpty() ? null : parts[1], Integer.parseInt(parts[2]),
              Integer.parseInt(parts[3]));
        }
      } catch (RuntimeException e) {
        // not ours: refused below
      }
      throw new IllegalArgumentException("Not a continuation of this listing: pass null for the first page, then the previous page's");
    }
  }
}
