package com.reservationdesk.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.live.wire.CapacityJson;
import com.reservationdesk.reservation.live.wire.CapacityJson.ExchangeOperationResult;
import com.reservationdesk.reservation.live.wire.CapacityJson.PolicyError;
import com.reservationdesk.reservation.live.wire.CapacityJson.Price;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local Microsoft for the live reservation adapter: a WireMock server (like {@code FakeUsageServer}) that speaks the
 * documented payloads of
 *
 * <ul>
 *   <li>Partner Center: {@code GET /v1/customers?size=n} (paged through {@code links.next} and its
 *       {@code MS-ContinuationToken}), {@code GET /v1/customers/{id}/entitlements?entitlementType=reservedInstance
 *       &showExpiry=true} (learn.microsoft.com/partner-center/developer/get-a-collection-of-entitlements), the customer's
 *       subscriptions and the Azure subscriptions of its Azure plan;
 *   <li>Azure Resource Manager: {@code Microsoft.Capacity} reservations of an order (list, get, PATCH of the scope,
 *       api-version 2022-11-01; the PATCH answers 200, or 202 with {@code Azure-AsyncOperation} or {@code Location} when
 *       told to: {@link #answerScopeChanges}) and {@code Microsoft.Consumption} daily reservation summaries of an order
 *       (api-version 2023-05-01, {@value #SUMMARIES_PAGE} rows a page through {@code nextLink}); a token of another tenant
 *       is refused with 401, a tenant told to deny the partner with 403 {@code AuthorizationFailed};
 *   <li>Azure Resource Manager's returns and exchanges ({@code CapacityJson}, api-version 2022-11-01):
 *       {@code calculateRefund} (200, with policy errors when told to: {@link #refundPolicyErrors}), {@code return} (202 with a
 *       {@code Location} that answers 202 while running, then 200), {@code calculateExchange} (202 with an
 *       {@code Azure-AsyncOperation} that answers {@code Pending} at the first look, then the result; an exchange below the
 *       refund is a policy error {@code ExchangeRefundExceedsPurchase} there) and {@code exchange} (202 with an
 *       {@code Azure-AsyncOperation}), de-duplicated by {@code x-ms-client-request-id}. They go through an embedded returns
 *       adapter on the same data, whose refusals are answered as Azure's errors ({@link #refusal});
 *   <li>Microsoft Entra ID's token endpoint, in the partner's and each customer's tenant.
 * </ul>
 *
 * It is fed from an embedded reservation inventory on the same clock ({@link StandaloneEmbeddedReservations}): the demo
 * reservations, and what its embedded Partner Center's checkout ordered. A scope change goes through it too, so its
 * refusals are the embedded one's, answered as Azure's 400 {@code BadRequest}.
 */
public final class FakeReservationServer implements AutoCloseable {

  public static final String TENANT = FakePartnerCenterServer.TENANT;
  public static final String CLIENT_ID = FakePartnerCenterServer.CLIENT_ID;
  public static final String CLIENT_SECRET = FakePartnerCenterServer.CLIENT_SECRET;
  public static final String PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";
  public static final String ARM_SCOPE = "https://management.azure.com/.default";
  public static final int SUMMARIES_PAGE = 10;
  /** Looks at an accepted scope change that still answer "in progress". */
  public static final int LOOKS_IN_PROGRESS = 2;

  /** How the fake answers a scope change: at once (200), or accepted (202) and followed through one of Azure's headers. */
  public enum ScopeChanges { AT_ONCE, ASYNC_OPERATION, LOCATION, NEVER_FINISHING }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final Pattern TOKEN = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
  private static final Pattern CUSTOMERS = Pattern.compile("/v1/customers");
  private static final Pattern ENTITLEMENTS = Pattern.compile("/v1/customers/([^/]+)/entitlements");
  private static final Pattern SUBSCRIPTIONS = Pattern.compile("/v1/customers/([^/]+)/subscriptions");
  private static final Pattern AZURE_ENTITLEMENTS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/azureEntitlements");
  private static final Pattern RESERVATIONS = Pattern.compile("/providers/Microsoft\\.Capacity/reservationOrders/([^/]+)/reservations", FLAGS);
  private static final Pattern RESERVATION = Pattern.compile("/providers/Microsoft\\.Capacity/reservationOrders/([^/]+)/reservations/([^/]+)",
      FLAGS);
  private static final Pattern SUMMARIES = Pattern.compile(
      "/providers/Microsoft\\.Capacity/reservationorders/([^/]+)/providers/Microsoft\\.Consumption/reservationSummaries", FLAGS);
  private static final Pattern OPERATION = Pattern.compile("/providers/Microsoft\\.Capacity/operation(Results|Status)/([^/]+)", FLAGS);
  private static final Pattern CALCULATE_REFUND = Pattern.compile("/providers/Microsoft\\.Capacity/reservationOrders/([^/]+)/calculateRefund",
      FLAGS);
  private static final Pattern RETURN = Pattern.compile("/providers/Microsoft\\.Capacity/reservationOrders/([^/]+)/return", FLAGS);
  private static final Pattern CALCULATE_EXCHANGE = Pattern.compile("/providers/Microsoft\\.Capacity/calculateExchange", FLAGS);
  private static final Pattern EXCHANGE = Pattern.compile("/providers/Microsoft\\.Capacity/exchange", FLAGS);
  private static final Pattern RESERVATION_ID = Pattern.compile("/providers/microsoft\\.capacity/reservationOrders/([^/]+)/reservations/([^/]+)",
      FLAGS);
  /** The policy error of an exchange below the refund (Azure documents no code for it). */
  public static final String EXCHANGE_BELOW_REFUND = "ExchangeRefundExceedsPurchase";
  private static final Pattern USAGE_DATE = Pattern.compile("properties/UsageDate (ge|le) '(\\d{4}-\\d{2}-\\d{2})'");

  private record Token(String tenant, String scope) {}

  /** A calculateExchange Azure accepted: its result, shown after one look that answers Pending. */
  private record Calculation(String customerId, ExchangeOperationResult result, AtomicInteger looks) {}

  /** A scope change Azure accepted and is still working on. */
  private record Operation(String customerId, String orderId, String reservationId, ScopeChange change, AtomicInteger looks) {}

  private final StandaloneEmbeddedReservations backend;
  private final WireMockServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Set<String> denyingTenants = ConcurrentHashMap.newKeySet();
  private final Set<String> refusingTenants = ConcurrentHashMap.newKeySet();
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  /** Returns ("return") and exchanges ("exchange") accepted, by the embedded operation id. */
  private final Map<String, String> returnKinds = new ConcurrentHashMap<>();
  private final Map<String, Calculation> calculations = new ConcurrentHashMap<>();
  private volatile List<PolicyError> refundPolicyErrors = List.of();
  private volatile ScopeChanges scopeChanges = ScopeChanges.AT_ONCE;

  public FakeReservationServer(Clock clock) {
    this.backend = new StandaloneEmbeddedReservations(clock);
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Microsoft()));
    server.start();
    server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2\\.0/token")).willReturn(aResponse().withTransformers("fake-microsoft")));
    server.stubFor(any(urlPathMatching("/(v1|providers)/.*")).willReturn(aResponse().withTransformers("fake-microsoft")));
  }

  public String partnerCenterUrl() {
    return server.baseUrl() + "/v1";
  }

  public String tokenUri() {
    return server.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token";
  }

  public String armUrl() {
    return server.baseUrl();
  }

  public String armTokenUri() {
    return server.baseUrl() + "/{tenantId}/oauth2/v2.0/token";
  }

  /** The embedded data behind it. */
  public StandaloneEmbeddedReservations backend() {
    return backend;
  }

  /** For verifying requests and stubbing faults (stubs of a priority below 5 win). */
  public WireMockServer wireMock() {
    return server;
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** Azure answers 403 AuthorizationFailed in the tenant: the partner's app has no role there. */
  public void denyPartnerIn(String tenantId) {
    denyingTenants.add(tenantId.toLowerCase(Locale.ROOT));
  }

  /** The tenant gives the app no token, as when the app was never consented there (AADSTS700016). */
  public void refuseTokensIn(String tenantId) {
    refusingTenants.add(tenantId.toLowerCase(Locale.ROOT));
  }

  public void answerScopeChanges(ScopeChanges how) {
    this.scopeChanges = how;
  }

  /** Azure's refund policy says no: calculateRefund answers these policy errors (and no session), return 400 RefundLimitExceeded. */
  public void refundPolicyErrors(PolicyError... errors) {
    refundPolicyErrors = List.of(errors);
  }

  /** Forgets the requests seen, the faults stubbed and the refusals set; keeps the data. */
  public void resetFaults() {
    server.resetRequests();
    server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() < 5).toList().forEach(server::removeStub);
    denyingTenants.clear();
    refusingTenants.clear();
    scopeChanges = ScopeChanges.AT_ONCE;
    refundPolicyErrors = List.of();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Microsoft implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "fake-microsoft";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String path = URI.create(request.getUrl()).getPath();
      Matcher m;
      if ((m = TOKEN.matcher(path)).matches()) {
        return token(m.group(1).toLowerCase(Locale.ROOT), request);
      }
      Token token = token(request);
      if (path.startsWith("/providers/")) {
        return arm(path, token, request);
      }
      if (token == null || !token.tenant().equals(TENANT) || !token.scope().equals(PARTNER_CENTER_SCOPE)) {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
      }
      if (CUSTOMERS.matcher(path).matches()) {
        return customers(request);
      }
      if ((m = ENTITLEMENTS.matcher(path)).matches()) {
        return entitlements(m.group(1).toLowerCase(Locale.ROOT), request);
      }
      if ((m = AZURE_ENTITLEMENTS.matcher(path)).matches()) {
        String customer = m.group(1);
        String plan = m.group(2);
        try {
          List<AzureEntitlement> azure = backend.partnerCenter().getAzureEntitlements(customer, plan);
          return json(200, collection(azure.stream().map(e -> (Object) ordered("id", e.id(), "friendlyName", e.friendlyName(), "status",
              e.status().apiName(), "subscriptionId", e.subscriptionId())).toList()));
        } catch (PartnerCenterException e) {
          return partnerCenterError(404, "600001", e.getMessage());
        }
      }
      if ((m = SUBSCRIPTIONS.matcher(path)).matches()) {
        if (backend.partnerCenter().getCustomer(m.group(1)).isEmpty()) {
          return partnerCenterError(404, "600001", "The customer was not found.");
        }
        List<Subscription> subscriptions = backend.partnerCenter().getSubscriptions(m.group(1));
        return json(200, collection(subscriptions.stream().map(s -> (Object) ordered("id", s.id(), "offerId", s.offerId(), "offerName",
            s.offerName(), "friendlyName", s.friendlyName(), "status", s.status().apiName(), "isTrial", s.isTrial())).toList()));
      }
      return partnerCenterError(404, "600000", "Not found: " + path);
    }
  }

  // --- Partner Center ---

  /** Customers by id, {@code size} a page; the continuation token says where the next page starts, and may be asked again. */
  private ResponseDefinition customers(Request request) {
    int size = Math.min(500, parameter(request, "size") == null ? 100 : Integer.parseInt(parameter(request, "size")));
    int offset = 0;
    if ("next".equalsIgnoreCase(parameter(request, "seekOperation"))) {
      String continuation = request.getHeader("MS-ContinuationToken");
      if (continuation == null || !continuation.startsWith("customers-after-")) {
        return partnerCenterError(400, "400012", "Invalid or missing MS-ContinuationToken for seekOperation=Next");
      }
      offset = Integer.parseInt(continuation.substring("customers-after-".length()));
    }
    List<Map<String, Object>> items = backend.embeddedPartnerCenter().jdbc()
        .sql("select id, company_name, domain, relationship_to_partner from pc_customer order by id limit ? offset ?").params(size + 1, offset)
        .query((rs, row) -> ordered("id", rs.getString("id"), "companyProfile", ordered("tenantId", rs.getString("id"), "domain",
            rs.getString("domain"), "companyName", rs.getString("company_name")), "relationshipToPartner",
            rs.getString("relationship_to_partner"), "attributes", ordered("objectType", "Customer")))
        .list();
    Map<String, Object> links = ordered("self", ordered("uri", "/customers?size=" + size, "method", "GET", "headers", List.of()));
    if (items.size() > size) {
      items = items.subList(0, size);
      links.put("next", ordered("uri", "/customers?size=" + size + "&seekOperation=Next", "method", "GET", "headers",
          List.of(ordered("key", "MS-ContinuationToken", "value", "customers-after-" + (offset + size)))));
    }
    return json(200, ordered("totalCount", items.size(), "items", items, "links", links, "attributes", ordered("objectType", "Collection")));
  }

  private ResponseDefinition entitlements(String customerId, Request request) {
    if (!"reservedInstance".equalsIgnoreCase(parameter(request, "entitlementType")) || !"true".equals(parameter(request, "showExpiry"))) {
      return partnerCenterError(400, "400010", "The fake answers entitlementType=reservedInstance&showExpiry=true only");
    }
    if (backend.partnerCenter().getCustomer(customerId).isEmpty()) {
      return partnerCenterError(404, "600001", "The customer was not found.");
    }
    List<Object> items = backend.embeddedPartnerCenter().jdbc().sql("""
        select o.*, r.quantity from pc_reservation_order o join pc_reservation r on r.reservation_order_id = o.id
        where o.customer_id = ? order by o.purchase_date, o.id""").param(customerId)
        .query((rs, row) -> (Object) ordered(
            "includedEntitlements", List.of(),
            "referenceOrder", ordered("id", rs.getString("pc_order_id"), "lineItemId", String.valueOf(rs.getInt("pc_line_item_number")),
                "alternateId", rs.getString("pc_order_id").substring(0, 12).toLowerCase(Locale.ROOT)),
            "productId", rs.getString("product_id"),
            "skuId", rs.getString("sku_id"),
            "quantity", rs.getLong("quantity"),
            "quantityDetails", List.of(ordered("quantity", rs.getLong("quantity"), "status", "Active")),
            "entitlementType", "reservedInstance",
            "fulfillmentState", "Fulfilled",
            "expiryDate", rs.getObject("expiry_date", LocalDate.class) + "T09:30:00Z",
            "entitledArtifacts", List.of(ordered(
                "link", ordered("uri", "/customers/" + customerId + "/orders/" + rs.getString("pc_order_id") + "/lineitems/"
                    + rs.getInt("pc_line_item_number") + "/resourceentitlements/" + rs.getString("id"), "method", "GET", "headers", List.of()),
                "resourceId", rs.getString("id"),
                "artifactType", "reservedinstance",
                "dynamicAttributes", ordered("reservationType", "virtualmachines")))))
        .list();
    return json(200, collection(items));
  }

  // --- Azure Resource Manager ---

  private ResponseDefinition arm(String path, Token token, Request request) {
    Matcher m;
    if (token == null || !token.scope().equals(ARM_SCOPE) || token.tenant().equals(TENANT)) {
      return armError(401, "InvalidAuthenticationToken", "The access token is invalid or was issued for another tenant.");
    }
    if (denyingTenants.contains(token.tenant())) {
      return armError(403, "AuthorizationFailed", "The client '" + CLIENT_ID + "' does not have authorization to perform action "
          + "'Microsoft.Capacity/reservationOrders/read' over scope '" + path + "'.");
    }
    if ((m = OPERATION.matcher(path)).matches()) {
      return operation(m.group(1), m.group(2), token);
    }
    if ((m = SUMMARIES.matcher(path)).matches()) {
      return summaries(m.group(1).toLowerCase(Locale.ROOT), token, request);
    }
    String version = parameter(request, "api-version");
    if (!"2022-11-01".equals(version)) {
      return armError(400, "InvalidApiVersionParameter", "Use api-version 2022-11-01.");
    }
    try {
      if ((m = CALCULATE_REFUND.matcher(path)).matches()) {
        return calculateRefund(m.group(1).toLowerCase(Locale.ROOT), token, request);
      }
      if ((m = RETURN.matcher(path)).matches()) {
        return returnReservation(m.group(1).toLowerCase(Locale.ROOT), token, request);
      }
      if (CALCULATE_EXCHANGE.matcher(path).matches()) {
        return calculateExchange(token, request);
      }
      if (EXCHANGE.matcher(path).matches()) {
        return exchange(token, request);
      }
    } catch (ReservationRefusedException e) {
      return refusal(e);
    } catch (IOException | IllegalArgumentException e) {
      return armError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: " + e.getMessage());
    }
    if ((m = RESERVATION.matcher(path)).matches()) {
      String orderId = m.group(1).toLowerCase(Locale.ROOT);
      String reservationId = m.group(2).toLowerCase(Locale.ROOT);
      Optional<OwnedReservation> reservation = owned(orderId, token).stream().filter(r -> r.reservationId().equals(reservationId)).findFirst();
      if (reservation.isEmpty()) {
        return armError(404, "ReservationNotFound", "Reservation " + reservationId + " was not found.");
      }
      if (request.getMethod().value().equals("PATCH")) {
        return patch(reservation.get(), request);
      }
      return json(200, reservation(reservation.get()));
    }
    if ((m = RESERVATIONS.matcher(path)).matches()) {
      List<OwnedReservation> owned = owned(m.group(1).toLowerCase(Locale.ROOT), token);
      if (owned.isEmpty()) {
        return armError(404, "ReservationOrderNotFound", "Reservation order " + m.group(1) + " was not found.");
      }
      return json(200, ordered("value", owned.stream().map(this::reservation).toList()));
    }
    return armError(404, "NotFound", "Not found: " + path);
  }

  /** The order's reservations, if the token's tenant owns it. */
  private List<OwnedReservation> owned(String orderId, Token token) {
    List<String> owners = backend.embeddedPartnerCenter().jdbc().sql("select customer_id from pc_reservation_order where id = ?")
        .param(orderId).query(String.class).list();
    if (owners.isEmpty() || !owners.get(0).equals(token.tenant())) {
      return List.of();
    }
    return backend.inventory().reservationsOf(owners.get(0)).stream().filter(r -> r.reservationOrderId().equals(orderId)).toList();
  }

  private ResponseDefinition patch(OwnedReservation reservation, Request request) {
    JsonNode body;
    try {
      body = json.readTree(request.getBodyAsString()).path("properties");
    } catch (IOException e) {
      return armError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
    }
    ScopeChange change;
    String type = body.path("appliedScopeType").asText("");
    if ("Shared".equals(type) && body.path("appliedScopes").isMissingNode()) {
      change = ScopeChange.shared();
    } else if ("Single".equals(type) && body.path("appliedScopes").size() == 1
        && body.path("appliedScopes").get(0).asText().startsWith("/subscriptions/")) {
      change = ScopeChange.single(body.path("appliedScopes").get(0).asText().substring("/subscriptions/".length()));
    } else {
      return armError(400, "InvalidAppliedScopes", "appliedScopeType Single takes one /subscriptions/{id}; Shared takes none.");
    }
    if (scopeChanges != ScopeChanges.AT_ONCE) {
      String id = UUID.randomUUID().toString();
      operations.put(id, new Operation(reservation.customerId(), reservation.reservationOrderId(), reservation.reservationId(), change,
          new AtomicInteger()));
      var accepted = aResponse().withStatus(202).withHeader("Retry-After", "2");
      if (scopeChanges == ScopeChanges.LOCATION) {
        accepted.withHeader("Location", server.baseUrl() + "/providers/Microsoft.Capacity/operationResults/" + id + "?api-version=2022-11-01");
      } else {
        accepted.withHeader("Azure-AsyncOperation", server.baseUrl() + "/providers/Microsoft.Capacity/operationStatus/" + id
            + "?api-version=2022-11-01");
      }
      return accepted.build();
    }
    try {
      return json(200, reservation(apply(reservation.customerId(), reservation.reservationOrderId(), reservation.reservationId(), change)));
    } catch (ReservationRefusedException e) {
      return armError(400, e.refusal() == Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION ? "InvalidAppliedScopes" : "BadRequest", e.getMessage());
    }
  }

  private OwnedReservation apply(String customerId, String orderId, String reservationId, ScopeChange change) {
    return backend.inventory().changeScope(customerId, orderId, reservationId, change);
  }

  /** An accepted change: in progress for {@value #LOOKS_IN_PROGRESS} looks, then done (and applied), unless it never finishes. */
  private ResponseDefinition operation(String kind, String id, Token token) {
    Operation operation = operations.get(id);
    if (operation == null && (calculations.containsKey(id) || returnKinds.containsKey(id))) {
      return returnsOperation(id, token);
    }
    if (operation == null || !operation.customerId().equals(token.tenant())) {
      return armError(404, "OperationNotFound", "No such operation.");
    }
    boolean done = scopeChanges != ScopeChanges.NEVER_FINISHING && operation.looks().incrementAndGet() > LOOKS_IN_PROGRESS;
    if (done && operations.remove(id) != null) {
      apply(operation.customerId(), operation.orderId(), operation.reservationId(), operation.change());
    }
    if (kind.equalsIgnoreCase("Results")) {
      return done ? aResponse().withStatus(200).build() : aResponse().withStatus(202).withHeader("Retry-After", "1").build();
    }
    return json(200, ordered("id", id, "status", done ? "Succeeded" : "InProgress"));
  }

  private ResponseDefinition summaries(String orderId, Token token, Request request) {
    if (!"2023-05-01".equals(parameter(request, "api-version")) || !"daily".equals(parameter(request, "grain"))) {
      return armError(400, "BadRequest", "The fake answers grain=daily with api-version 2023-05-01.");
    }
    String filter = parameter(request, "$filter");
    Map<String, LocalDate> bounds = new LinkedHashMap<>();
    Matcher dates = USAGE_DATE.matcher(filter == null ? "" : filter);
    while (dates.find()) {
      bounds.put(dates.group(1), LocalDate.parse(dates.group(2)));
    }
    if (bounds.size() != 2) {
      return armError(400, "BadRequest", "A daily grain needs $filter=properties/UsageDate ge '…' and properties/UsageDate le '…'.");
    }
    List<OwnedReservation> owned = owned(orderId, token);
    if (owned.isEmpty()) {
      return armError(404, "ReservationOrderNotFound", "Reservation order " + orderId + " was not found.");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OwnedReservation reservation : owned) {
      for (DailyUtilization day : backend.inventory().utilization(reservation.customerId(), orderId, reservation.reservationId(),
          bounds.get("ge"), bounds.get("le")).days()) {
        rows.add(ordered("id", "/providers/Microsoft.Capacity/reservationorders/" + orderId + "/providers/Microsoft.Consumption/"
                + "reservationSummaries/" + reservation.reservationId() + "_" + day.day(),
            "name", reservation.reservationId() + "_" + day.day(), "type", "Microsoft.Consumption/reservationSummaries", "tags", null,
            "properties", ordered("reservationOrderId", orderId, "reservationId", reservation.reservationId(), "skuName",
                reservation.armSkuName(), "reservedHours", day.reservedHours(), "usageDate", day.day() + "T00:00:00Z", "usedHours",
                day.usedHours(), "minUtilizationPercentage", day.minimumPercent(), "avgUtilizationPercentage", day.averagePercent(),
                "maxUtilizationPercentage", day.maximumPercent(), "kind", "Reservation", "purchasedQuantity", reservation.quantity(),
                "remainingQuantity", 0, "totalReservedQuantity", reservation.quantity())));
      }
    }
    int skip = parameter(request, "$skiptoken") == null ? 0 : Integer.parseInt(parameter(request, "$skiptoken"));
    Map<String, Object> body = ordered("value", rows.subList(Math.min(skip, rows.size()), Math.min(rows.size(), skip + SUMMARIES_PAGE)));
    if (skip + SUMMARIES_PAGE < rows.size()) {
      body.put("nextLink", server.baseUrl() + "/providers/Microsoft.Capacity/reservationorders/" + orderId
          + "/providers/Microsoft.Consumption/reservationSummaries?grain=daily&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
          .replace("+", "%20") + "&api-version=2023-05-01&$skiptoken=" + (skip + SUMMARIES_PAGE));
    }
    return json(200, body);
  }

  // --- returns and exchanges ---

  private ResponseDefinition calculateRefund(String orderId, Token token, Request request) throws IOException {
    CapacityJson.CalculateRefundRequest body = CapacityJson.MAPPER.readValue(request.getBodyAsString(), CapacityJson.CalculateRefundRequest.class);
    if (body.properties() == null || !CapacityJson.SCOPE_RESERVATION.equals(body.properties().scope())
        || !("/providers/microsoft.capacity/reservationOrders/" + orderId).equalsIgnoreCase(body.id())) {
      return armError(400, "InvalidRequestContent", "calculateRefund takes the order's id and scope Reservation.");
    }
    ReturnLine line = line(orderId, body.properties().reservationToReturn());
    RefundQuote quote = backend.returns().quoteReturn(token.tenant(), line);
    List<PolicyError> errors = refundPolicyErrors;
    return json(200, new CapacityJson.RefundResponse("/providers/microsoft.capacity/reservationOrders/" + orderId,
        new CapacityJson.RefundResponseProperties(errors.isEmpty() ? quote.sessionId() : null, line.quantity(),
            price(quote.billingRefundAmount()), price(quote.pricingRefundAmount()), new CapacityJson.RefundPolicyResult(
                new CapacityJson.RefundPolicyResultProperties(price(quote.consumedRefundsTotal()), price(quote.maxRefundLimit()), errors)))));
  }

  private ResponseDefinition returnReservation(String orderId, Token token, Request request) throws IOException {
    CapacityJson.RefundRequest body = CapacityJson.MAPPER.readValue(request.getBodyAsString(), CapacityJson.RefundRequest.class);
    if (body.properties() == null || !CapacityJson.SCOPE_RESERVATION.equals(body.properties().scope())) {
      return armError(400, "InvalidRequestContent", "return takes a session id, scope Reservation and the reservation to return.");
    }
    if (!refundPolicyErrors.isEmpty()) {
      return armError(400, "RefundLimitExceeded", refundPolicyErrors.get(0).text());
    }
    ReturnLine line = line(orderId, body.properties().reservationToReturn());
    ReturnOperation operation = backend.returns().startReturn(token.tenant(), line, body.properties().sessionId(),
        body.properties().returnReason(), clientRequestId(request));
    returnKinds.put(operation.operationId(), "return");
    return aResponse().withStatus(202).withHeader("Location", operationAddress(operation.operationId())).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(new CapacityJson.RefundResponse(
            line.azureReservationId(), new CapacityJson.RefundResponseProperties(body.properties().sessionId(), line.quantity(), null, null,
                null)))).build();
  }

  private ResponseDefinition calculateExchange(Token token, Request request) throws IOException {
    CapacityJson.CalculateExchangeRequest body = CapacityJson.MAPPER.readValue(request.getBodyAsString(),
        CapacityJson.CalculateExchangeRequest.class);
    if (body.properties() == null || body.properties().reservationsToExchange() == null || body.properties().reservationsToPurchase() == null) {
      return armError(400, "InvalidRequestContent", "calculateExchange takes reservationsToPurchase and reservationsToExchange.");
    }
    List<ReturnLine> returns = new ArrayList<>();
    for (CapacityJson.ReservationToReturn toReturn : body.properties().reservationsToExchange()) {
      Matcher id = RESERVATION_ID.matcher(toReturn.reservationId() == null ? "" : toReturn.reservationId());
      if (!id.matches()) {
        return armError(400, "InvalidReservationId", "Not a reservation id: " + toReturn.reservationId());
      }
      returns.add(new ReturnLine(id.group(1), id.group(2), toReturn.quantity()));
    }
    List<NewReservation> purchases = new ArrayList<>();
    for (CapacityJson.PurchaseRequest purchase : body.properties().reservationsToPurchase()) {
      CapacityJson.PurchaseRequestProperties p = purchase.properties();
      if (p == null || !"VirtualMachines".equals(p.reservedResourceType()) || p.billingScopeId() == null
          || !p.billingScopeId().startsWith("/subscriptions/") || purchase.sku() == null) {
        return armError(400, "InvalidRequestContent", "A purchase names a VM sku, a location and a billingScopeId /subscriptions/{id}.");
      }
      AppliedScopeType scope = AppliedScopeType.fromAzure(p.appliedScopeType()).orElse(null);
      String subscription = p.billingScopeId().substring("/subscriptions/".length());
      if (scope == null || scope == AppliedScopeType.SINGLE && !List.of(p.billingScopeId()).equals(p.appliedScopes())) {
        return armError(400, "InvalidSingleAppliedScopesCount", "Single takes the billing subscription as its one applied scope.");
      }
      purchases.add(new NewReservation(purchase.sku().name(), purchase.location(), com.reservationdesk.partnercenter.Term.of(p.term()),
          "Monthly".equals(p.billingPlan()) ? BillingPlan.MONTHLY : BillingPlan.UPFRONT, p.quantity(), scope, subscription, p.displayName()));
    }
    String id = UUID.randomUUID().toString();
    ExchangeOperationResult result;
    try {
      ExchangeQuote quote = backend.returns().quoteExchange(token.tenant(), returns, purchases);
      result = new ExchangeOperationResult("/providers/microsoft.capacity/operationResults/" + id, id, "Succeeded",
          new CapacityJson.ExchangeResultProperties(quote.sessionId(), price(quote.netPayable()), price(quote.refundsTotal()),
              price(quote.purchasesTotal()), new CapacityJson.ExchangePolicyErrors(null),
              body.properties().reservationsToPurchase().stream().map(p -> new CapacityJson.ReservationToPurchaseExchange(null, null, p, null,
                  null)).toList(),
              body.properties().reservationsToExchange().stream().map(r -> new CapacityJson.ReservationToReturnForExchange(r.reservationId(),
                  r.quantity(), null, null)).toList()), null);
    } catch (ReservationRefusedException e) {
      if (e.refusal() != Refusal.EXCHANGE_BELOW_RETURNED_VALUE) {
        throw e;
      }
      result = new ExchangeOperationResult("/providers/microsoft.capacity/operationResults/" + id, id, "Succeeded",
          new CapacityJson.ExchangeResultProperties(null, null, null, null, new CapacityJson.ExchangePolicyErrors(
              List.of(new PolicyError(EXCHANGE_BELOW_REFUND, e.getMessage()))), null, null), null);
    }
    calculations.put(id, new Calculation(token.tenant(), result, new AtomicInteger()));
    return accepted(id);
  }

  private ResponseDefinition exchange(Token token, Request request) throws IOException {
    CapacityJson.ExchangeRequest body = CapacityJson.MAPPER.readValue(request.getBodyAsString(), CapacityJson.ExchangeRequest.class);
    if (body.properties() == null) {
      return armError(400, "InvalidRequestContent", "exchange takes the session id of calculateExchange.");
    }
    ReturnOperation operation = backend.returns().startExchange(token.tenant(), body.properties().sessionId(), clientRequestId(request));
    returnKinds.put(operation.operationId(), "exchange");
    return accepted(operation.operationId());
  }

  /** A calculation, return or exchange Azure accepted, looked at with the token of the customer who started it. */
  private ResponseDefinition returnsOperation(String id, Token token) {
    Calculation calculation = calculations.get(id);
    if (calculation != null) {
      if (!calculation.customerId().equals(token.tenant())) {
        return armError(404, "OperationNotFound", "No such operation.");
      }
      return calculation.looks().incrementAndGet() <= 1
          ? json(200, new ExchangeOperationResult(calculation.result().id(), id, "Pending", null, null))
          : json(200, calculation.result());
    }
    ReturnOperation operation;
    try {
      operation = backend.returns().operation(token.tenant(), id);
    } catch (ReservationRefusedException e) {
      return armError(404, "OperationNotFound", "No such operation.");
    }
    if ("return".equals(returnKinds.get(id))) {
      return operation.isDone() ? aResponse().withStatus(200).build() : aResponse().withStatus(202).withHeader("Retry-After", "1")
          .withHeader("Location", operationAddress(id)).build();
    }
    return json(200, new ExchangeOperationResult("/providers/microsoft.capacity/operationResults/" + id, id,
        operation.status() == ReturnOperation.Status.SUCCEEDED ? "Succeeded" : "Pending",
        new CapacityJson.ExchangeResultProperties(null, null, null, null, null, operation.newReservationOrderIds().stream()
            .map(order -> new CapacityJson.ReservationToPurchaseExchange("/providers/microsoft.capacity/reservationOrders/" + order, null,
                null, null, "Succeeded")).toList(), null), null));
  }

  private ResponseDefinition accepted(String id) {
    return aResponse().withStatus(202).withHeader("Azure-AsyncOperation", operationAddress(id)).withHeader("Location", operationAddress(id))
        .withHeader("Retry-After", "5").build();
  }

  private String operationAddress(String id) {
    return server.baseUrl() + "/providers/Microsoft.Capacity/operationResults/" + id + "?api-version=2022-11-01";
  }

  /** The caller's request id, which the embedded returns keep unique: the same one again is the same return. */
  private static String clientRequestId(Request request) {
    String id = request.getHeader("x-ms-client-request-id");
    return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
  }

  private static ReturnLine line(String orderId, CapacityJson.ReservationToReturn toReturn) {
    Matcher id = RESERVATION_ID.matcher(toReturn == null || toReturn.reservationId() == null ? "" : toReturn.reservationId());
    if (!id.matches() || !id.group(1).equalsIgnoreCase(orderId)) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, "not a reservation of order " + orderId);
    }
    return new ReturnLine(orderId, id.group(2), toReturn.quantity());
  }

  private static Price price(com.reservationdesk.common.Money money) {
    return money == null ? null : new Price(money.currency(), money.amount());
  }

  /** A refusal of the embedded Azure, as Azure's error: the codes of its specification where it has one. */
  private ResponseDefinition refusal(ReservationRefusedException e) {
    return switch (e.refusal()) {
      case RESERVATION_NOT_FOUND -> armError(404, "ReservationNotFound", e.getMessage());
      case RESERVATION_NOT_RETURNABLE -> armError(400, "OperationCannotBePerformedInCurrentState", e.getMessage());
      case QUANTITY_NOT_OWNED -> armError(400, "InvalidRefundQuantity", e.getMessage());
      case QUOTE_SESSION_INVALID -> armError(400, "InvalidSessionId", e.getMessage());
      case REFUND_POLICY -> armError(400, "RefundLimitExceeded", e.getMessage());
      case PURCHASE_NOT_AVAILABLE -> armError(400, "InvalidFulfillmentRequestParameters", e.getMessage());
      case NOT_THE_CUSTOMERS_SUBSCRIPTION -> armError(400, "InvalidSubscriptionId", e.getMessage());
      case OPERATION_NOT_FOUND -> armError(404, "OperationNotFound", e.getMessage());
      default -> armError(400, "BadRequest", e.getMessage());
    };
  }

  /** A reservation as {@code Microsoft.Capacity} 2022-11-01 answers it. */
  private Map<String, Object> reservation(OwnedReservation r) {
    boolean single = r.appliedScopeType() == AppliedScopeType.SINGLE;
    String purchased = r.purchaseDate() + "T09:30:00Z";
    return ordered(
        "id", "/providers/microsoft.capacity/reservationOrders/" + r.reservationOrderId() + "/reservations/" + r.reservationId(),
        "name", r.reservationOrderId() + "/" + r.reservationId(),
        "type", "Microsoft.Capacity/reservationOrders/reservations",
        "etag", 3,
        "location", r.armRegionName(),
        "sku", ordered("name", r.armSkuName()),
        "properties", ordered(
            "reservedResourceType", "VirtualMachines",
            "instanceFlexibility", "On",
            "displayName", r.displayName(),
            "appliedScopes", single ? r.appliedScopes().stream().map(s -> "/subscriptions/" + s).toList() : null,
            "appliedScopeType", r.appliedScopeType().azureName(),
            "quantity", r.quantity(),
            "provisioningState", r.provisioningState(),
            "effectiveDateTime", purchased,
            "benefitStartTime", purchased,
            "lastUpdatedDateTime", purchased,
            "expiryDate", r.expiryDate().toString(),
            "expiryDateTime", r.expiryDate() + "T09:30:00Z",
            "purchaseDate", r.purchaseDate().toString(),
            "purchaseDateTime", purchased,
            "term", r.term().iso(),
            "billingPlan", r.billingPlan() == BillingPlan.MONTHLY ? "Monthly" : "Upfront",
            "renew", r.renew(),
            "displayProvisioningState", r.provisioningState(),
            "userFriendlyAppliedScopeType", r.appliedScopeType().azureName(),
            "userFriendlyRenewState", r.renew() ? "On" : "Off"));
  }

  // --- Entra ID ---

  private ResponseDefinition token(String tenant, Request request) {
    Map<String, String> form = Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
            p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return json(401, ordered("error", "invalid_client", "error_description", "AADSTS7000215: Invalid client secret provided."));
    }
    boolean partner = tenant.equals(TENANT);
    if (!partner && backend.partnerCenter().getCustomer(tenant).isEmpty()) {
      return json(400, ordered("error", "invalid_request", "error_description", "AADSTS90002: Tenant '" + tenant + "' not found."));
    }
    if (refusingTenants.contains(tenant)) {
      return json(400, ordered("error", "unauthorized_client", "error_description", "AADSTS700016: Application with identifier '"
          + CLIENT_ID + "' was not found in the directory '" + tenant + "'."));
    }
    String scope = form.getOrDefault("scope", "");
    if (!scope.equals(partner ? PARTNER_CENTER_SCOPE : ARM_SCOPE)) {
      return json(400, ordered("error", "invalid_scope", "error_description", "AADSTS70011: The provided scope is not valid here."));
    }
    String token = "fake-token-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
    tokens.put(token, new Token(tenant, scope));
    return json(200, ordered("token_type", "Bearer", "expires_in", 3599, "ext_expires_in", 3599, "access_token", token));
  }

  private Token token(Request request) {
    String authorization = request.getHeader("Authorization");
    return authorization == null || !authorization.startsWith("Bearer ") ? null : tokens.get(authorization.substring(7));
  }

  // --- helpers ---

  private static Map<String, Object> collection(List<Object> items) {
    return ordered("totalCount", items.size(), "items", items, "attributes", ordered("objectType", "Collection"));
  }

  private ResponseDefinition partnerCenterError(int status, String code, String description) {
    return json(status, ordered("code", code, "description", description, "data", List.of(), "source", "PartnerFD"));
  }

  private ResponseDefinition armError(int status, String code, String message) {
    return json(status, ordered("error", ordered("code", code, "message", message)));
  }

  private ResponseDefinition json(int status, Object body) {
    try {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String parameter(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? parameter.firstValue() : null;
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
