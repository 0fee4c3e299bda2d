package com.reservationdesk.partnercenter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local Partner Center for the live adapter's tests: a WireMock server that speaks the REST API of
 * the domain notes (§2) — paths, query parameters, headers, bodies, error body, paging with
 * {@code MS-ContinuationToken}, {@code MS-RequestId} idempotency — and a Microsoft Entra token endpoint
 * for the client-credentials grant. Behind it stands an embedded Partner Center on its own database, so
 * it answers like a stateful system (carts become orders, registrations progress, restrictions apply).
 *
 * <p>WireMock keeps every request: tests verify exactly what was sent, and inject faults (401, 429,
 * 5xx, slowness) with stubs of a higher priority.
 */
public final class FakePartnerCenterServer implements AutoCloseable {

  public static final String TENANT = "3e5a2b1c-0000-4000-8000-00000000f00d";
  public static final String CLIENT_ID = "8c1b7c55-0000-4000-8000-00000000c11e";
  public static final String CLIENT_SECRET = "fake-secret-value-never-logged-7Qx";
  public static final String AZURE_PLAN_CATALOG_ITEM = Subscription.AZURE_PLAN_PRODUCT_ID + ":0001:DZH318Z0BNZX";
  /** The fake pages at most this many items, so clients must follow continuation tokens. */
  public static final int MAX_PAGE = 10;

  private final StandaloneEmbeddedPartnerCenter backend = new StandaloneEmbeddedPartnerCenter();
  private final WireMockServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Map<String, List<Object>> continuations = new ConcurrentHashMap<>();
  private final Set<String> azurePlanCarts = ConcurrentHashMap.newKeySet();

  public FakePartnerCenterServer() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Api(), new Entra()));
    server.start();
    server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2\\.0/token")).willReturn(aResponse().withTransformers("fake-entra")));
    server.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withTransformers("fake-partner-center")));
  }

  public String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  public String tokenUri() {
    return server.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token";
  }

  /** For verifying requests and stubbing faults. */
  public WireMockServer wireMock() {
    return server;
  }

  public StandaloneEmbeddedPartnerCenter backend() {
    return backend;
  }

  /** Every token issued so far stops being accepted, as when tokens expire or are revoked. */
  public void revokeTokens() {
    validTokens.clear();
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** Forgets the requests seen so far, and any fault stubbed, keeping the state behind. */
  public void resetRequests() {
    server.resetRequests();
    server.resetScenarios();
    server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() < 5).toList()
        .forEach(server::removeStub);
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Entra implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "fake-entra";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Map<String, String> form = Arrays.stream(event.getRequest().getBodyAsString().split("&")).map(p -> p.split("=", 2))
          .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
              p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
      if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
          || !CLIENT_SECRET.equals(form.get("client_secret"))) {
        return jsonResponse(401, Map.of("error", "invalid_client", "error_description",
            "AADSTS7000215: Invalid client secret provided."));
      }
      String token = "fake-access-token-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
      validTokens.add(token);
      return jsonResponse(200, Map.of("token_type", "Bearer", "expires_in", 3599, "ext_expires_in", 3599, "access_token", token));
    }
  }

  private final class Api implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "fake-partner-center";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String authorization = request.getHeader("Authorization");
      if (authorization == null || !authorization.startsWith("Bearer ") || !validTokens.contains(authorization.substring(7))) {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
      }
      try {
        return route(request);
      } catch (PartnerCenterException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("description", e.description());
        error.put("data", List.of());
        error.put("source", "PartnerFD");
        return jsonResponse(e.httpStatus(), error);
      }
    }
  }

  private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)");
  private static final Pattern SUBSCRIPTIONS = Pattern.compile("/v1/customers/([^/]+)/subscriptions");
  private static final Pattern ENTITLEMENTS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/azureEntitlements");
  private static final Pattern REGISTRATIONS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/registrations");
  private static final Pattern REGISTRATION_STATUS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/registrationstatus");
  private static final Pattern SKUS = Pattern.compile("/v1/products/([^/]+)/skus");
  private static final Pattern AVAILABILITIES = Pattern.compile("/v1/products/([^/]+)/skus/([^/]+)/availabilities");
  private static final Pattern CARTS = Pattern.compile("/v1/customers/([^/]+)/carts");
  private static final Pattern CART = Pattern.compile("/v1/customers/([^/]+)/carts/([^/]+)");
  private static final Pattern CHECKOUT = Pattern.compile("/v1/customers/([^/]+)/carts/([^/]+)/checkout");
  private static final Pattern ORDER = Pattern.compile("/v1/customers/([^/]+)/orders/([^/]+)");

  private ResponseDefinition route(Request request) throws PartnerCenterException {
    String path = URI.create(request.getUrl()).getPath();
    String method = request.getMethod().getName();
    PartnerCenter pc = backend.partnerCenter();
    Matcher m;
    String continuation = request.getHeader("MS-ContinuationToken");
    if (continuation != null && method.equals("GET")) {
      List<Object> rest = continuations.remove(continuation);
      if (rest == null) {
        throw new PartnerCenterException(400, "800002", "Invalid continuation token");
      }
      return page(path, rest, intParameter(request, "size", MAX_PAGE));
    }
    if (method.equals("GET") && path.equals("/v1/customers")) {
      QueryParameter filter = request.queryParameter("filter");
      List<Customer> customers;
      if (filter.isPresent()) {
        JsonNode f = read(filter.firstValue());
        if (!"starts_with".equals(f.path("Operator").asText())) {
          throw new PartnerCenterException(400, "800002", "Only the starts_with operator is supported");
        }
        CustomerSearchField field = "Domain".equals(f.path("Field").asText()) ? CustomerSearchField.DOMAIN : CustomerSearchField.COMPANY_NAME;
        customers = pc.searchCustomers(field, f.path("Value").asText(), 100_000);
      } else {
        customers = pc.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 100_000);
      }
      return page(path, customers.stream().map(this::customer).collect(Collectors.toList()), intParameter(request, "size", MAX_PAGE));
    }
    if (method.equals("GET") && (m = CUSTOMER.matcher(path)).matches()) {
      String customerId = m.group(1);
      return jsonResponse(200, customer(pc.getCustomer(customerId)
          .orElseThrow(() -> PartnerCenterException.of(ErrorCode.CUSTOMER_NOT_FOUND, customerId))));
    }
    if (method.equals("GET") && (m = SUBSCRIPTIONS.matcher(path)).matches()) {
      return page(path, pc.getSubscriptions(m.group(1)).stream().map(this::subscription).collect(Collectors.toList()), MAX_PAGE);
    }
    if (method.equals("GET") && (m = ENTITLEMENTS.matcher(path)).matches()) {
      return collection(pc.getAzureEntitlements(m.group(1), m.group(2)).stream().map(e -> ordered("id", e.id(), "friendlyName",
          e.friendlyName(), "status", e.status().apiName(), "subscriptionId", e.subscriptionId())).toList());
    }
    if (method.equals("POST") && (m = REGISTRATIONS.matcher(path)).matches()) {
      pc.registerForReservations(m.group(1), m.group(2));
      return aResponse().withStatus(202).withHeader("Location", "/v1/customers/" + m.group(1) + "/subscriptions/" + m.group(2)
          + "/registrationstatus").build();
    }
    if (method.equals("GET") && (m = REGISTRATION_STATUS.matcher(path)).matches()) {
      return jsonResponse(200, ordered("subscriptionId", m.group(2), "programId", "AzureReservedInstance", "status",
          pc.getRegistrationStatus(m.group(1), m.group(2)).apiName()));
    }
    if (method.equals("GET") && path.equals("/v1/products")) {
      String view = request.queryParameter("targetView").firstValue();
      if ("MicrosoftAzure".equals(view)) {
        return collection(List.of(ordered("id", Subscription.AZURE_PLAN_PRODUCT_ID, "title", "Azure plan")));
      }
      Map<String, ReservationSku> products = new LinkedHashMap<>();
      backend.catalog().skus().stream().filter(s -> s.type().targetView().equals(view)).forEach(s -> products.putIfAbsent(s.productId(), s));
      return collection(products.values().stream().map(s -> ordered("id", s.productId(), "title", s.productName(), "productType",
          ordered("id", "Azure", "displayName", "Azure"))).toList());
    }
    if (method.equals("GET") && (m = AVAILABILITIES.matcher(path)).matches()) {
      if (m.group(1).equals(Subscription.AZURE_PLAN_PRODUCT_ID)) {
        return collection(List.of(ordered("id", "DZH318Z0BNZX", "productId", m.group(1), "skuId", m.group(2), "catalogItemId",
            AZURE_PLAN_CATALOG_ITEM, "isPurchasable", true, "defaultCurrency", ordered("code", "USD", "symbol", "$"), "terms", List.of())));
      }
      Availability a = pc.getAvailability(request.queryParameter("country").firstValue(), m.group(1), m.group(2));
      return collection(List.of(ordered("id", a.id(), "productId", a.productId(), "skuId", a.skuId(), "catalogItemId", a.catalogItemId(),
          "isPurchasable", a.isPurchasable(), "defaultCurrency", ordered("code", a.defaultCurrency(), "symbol", ""),
          "terms", a.terms().stream().map(t -> ordered("duration", t, "description", t)).toList())));
    }
    if (method.equals("GET") && (m = SKUS.matcher(path)).matches()) {
      String productId = m.group(1);
      return collection(backend.catalog().skus().stream().filter(s -> s.productId().equals(productId)).map(this::sku).toList());
    }
    if (method.equals("POST") && path.equals("/v1/extensions/product/checkinventory")) {
      JsonNode body = read(request.getBodyAsString());
      JsonNode context = body.path("InventoryContext");
      List<String> keys = new ArrayList<>();
      body.path("TargetItems").forEach(t -> keys.add(t.path("ProductId").asText() + ":" + t.path("SkuId").asText()));
      List<InventoryResult> results = pc.checkInventory(request.queryParameter("country").firstValue(), new InventoryContext(
          context.path("customerId").asText(), context.path("azureSubscriptionId").asText(), context.path("armRegionName").asText()), keys);
      return jsonResponse(200, results.stream().map(r -> ordered("productId", r.productId(), "skuId", r.skuId(), "isRestricted",
          r.isRestricted(), "restrictions", r.restrictions().stream().map(x -> ordered("reasonCode", x.reasonCode(), "description",
              x.description(), "properties", List.of())).toList())).toList());
    }
    if (method.equals("POST") && (m = CHECKOUT.matcher(path)).matches()) {
      String customerId = m.group(1);
      String cartId = m.group(2);
      String requestId = request.getHeader("MS-RequestId");
      if (azurePlanCarts.contains(cartId)) {
        Subscription plan = pc.createAzurePlan(customerId, requestId);
        Map<String, Object> order = ordered("id", "azure-plan-" + plan.id(), "alternateId", plan.id().substring(0, 12),
            "referenceCustomerId", customerId, "billingCycle", "one_time", "status", "completed", "currencyCode", "USD",
            "creationDate", java.time.Instant.now().toString(), "lineItems", List.of(ordered("lineItemNumber", 0, "offerId",
                AZURE_PLAN_CATALOG_ITEM, "subscriptionId", plan.id(), "quantity", 1)));
        return jsonResponse(200, ordered("orders", List.of(order), "orderErrors", List.of()));
      }
      CheckoutResult result = pc.checkout(customerId, cartId, requestId);
      return jsonResponse(200, ordered("orders", result.orders().stream().map(this::order).toList(), "orderErrors",
          result.orderErrors().stream().map(e -> ordered("orderGroupId", e.orderGroupId(), "code", e.code(), "description",
              e.description())).toList()));
    }
    if (method.equals("POST") && (m = CARTS.matcher(path)).matches()) {
      JsonNode body = read(request.getBodyAsString());
      if (body.path("lineItems").size() == 1 && AZURE_PLAN_CATALOG_ITEM.equals(body.path("lineItems").get(0).path("catalogItemId").asText())) {
        String cartId = UUID.randomUUID().toString();
        azurePlanCarts.add(cartId);
        return jsonResponse(201, ordered("id", cartId, "lineItems", body.path("lineItems")));
      }
      return jsonResponse(201, cart(pc.createCart(m.group(1), cartRequest(body))));
    }
    if (method.equals("PUT") && (m = CART.matcher(path)).matches()) {
      return jsonResponse(201, cart(pc.updateCart(m.group(1), m.group(2), cartRequest(read(request.getBodyAsString())))));
    }
    if (method.equals("GET") && (m = ORDER.matcher(path)).matches()) {
      String orderId = m.group(2);
      return jsonResponse(200, order(pc.getOrder(m.group(1), orderId)
          .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "order " + orderId))));
    }
    if (method.equals("GET") && path.equals("/v1/relationships")
        && "IsIndirectCloudSolutionProviderOf".equals(request.queryParameter("relationship_type").firstValue())) {
      return collection(pc.getIndirectResellers().stream().map(r -> ordered("id", r.id(), "name", r.name(), "relationshipType",
          "IsIndirectCloudSolutionProviderOf", "state", r.state(), "mpnId", r.mpnId(), "location", r.location())).toList());
    }
    throw new PartnerCenterException(404, "600010", "Resource not found: " + method + " " + path);
  }

  private CartRequest cartRequest(JsonNode body) {
    List<CartLineItem> lines = new ArrayList<>();
    body.path("lineItems").forEach(line -> {
      String reseller = null;
      for (JsonNode participant : line.path("participants")) {
        if ("transaction_reseller".equals(participant.path("key").asText())) {
          reseller = participant.path("value").asText();
        }
      }
      JsonNode context = line.path("provisioningContext");
      lines.add(new CartLineItem(line.path("id").asInt(), line.path("catalogItemId").asText(null), line.path("quantity").asLong(),
          line.path("billingCycle").asText(null), line.path("termDuration").asText(null),
          context.isMissingNode() ? null : new ProvisioningContext(context.path("subscriptionId").asText(null),
              context.path("scope").asText(null), context.path("duration").asText(null)),
          reseller));
    });
    return new CartRequest(lines, body.path("PartnerOnRecordAttestationAccepted").asBoolean(false));
  }

  private Map<String, Object> customer(Customer c) {
    return ordered("id", c.id(), "companyProfile", ordered("tenantId", c.id(), "domain", c.domain(), "companyName", c.companyName()),
        "billingProfile", ordered("defaultAddress", ordered("country", c.country()), "culture", c.culture(), "language",
            c.culture().substring(0, 2)),
        "relationshipToPartner", c.relationshipToPartner(), "associatedPartnerId", c.associatedPartnerId(),
        "attributes", ordered("objectType", "Customer"));
  }

  private Map<String, Object> subscription(Subscription s) {
    return ordered("id", s.id(), "offerId", s.offerId(), "offerName", s.offerName(), "friendlyName", s.friendlyName(), "status",
        s.status().apiName(), "isTrial", s.isTrial(), "partnerId", s.partnerId(), "entitlementId", s.id());
  }

  private Map<String, Object> sku(ReservationSku s) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (s.vmSize() != null) {
      attributes.put("armSkuName", s.vmSize().armSkuName());
      attributes.put("cores", String.valueOf(s.vmSize().vCpus()));
      attributes.put("ram", s.vmSize().memoryGiB().stripTrailingZeros().toPlainString());
      attributes.put("category", s.vmSize().category());
    }
    attributes.put("armRegionName", s.armRegionName());
    attributes.put("region", s.regionDisplayName());
    attributes.put("duration", ProvisioningContext.durationOf(s.termDuration()));
    return ordered("id", s.skuId(), "productId", s.productId(), "title", s.title(), "minimumQuantity", s.minimumQuantity(),
        "maximumQuantity", s.maximumQuantity(), "isTrial", false,
        "supportedBillingCycles", s.billingPlans().stream().map(BillingPlan::billingCycle).sorted().toList(),
        "purchasePrerequisites", List.of("AzureSubscriptionRegistration", "InventoryCheck"),
        "provisioningVariables", List.of("Scope", "SubscriptionId"), "dynamicAttributes", attributes);
  }

  private Map<String, Object> cart(Cart cart) {
    return ordered("id", cart.id(), "status", cart.status(), "creationTimestamp", String.valueOf(cart.creationTimestamp()),
        "lastModifiedTimestamp", String.valueOf(cart.creationTimestamp()), "expirationTimestamp", String.valueOf(cart.expirationTimestamp()),
        "lineItems", cart.lineItems().stream().map(l -> {
          Map<String, Object> line = ordered("id", l.id(), "catalogItemId", l.catalogItemId(), "quantity", l.quantity(), "billingCycle",
              l.billingCycle(), "termDuration", l.termDuration(), "provisioningContext", ordered("subscriptionId",
                  l.provisioningContext().subscriptionId(), "scope", l.provisioningContext().scope(), "duration",
                  l.provisioningContext().duration()));
          if (l.resellerMpnId() != null) {
            line.put("participants", List.of(ordered("key", "transaction_reseller", "value", l.resellerMpnId())));
          }
          return line;
        }).toList());
  }

  private Map<String, Object> order(Order o) {
    return ordered("id", o.id(), "alternateId", o.alternateId(), "referenceCustomerId", o.referenceCustomerId(), "billingCycle",
        o.billingCycle(), "status", o.status(), "currencyCode", o.currencyCode(), "creationDate", String.valueOf(o.creationDate()),
        "lineItems", o.lineItems().stream().map(l -> ordered("lineItemNumber", l.lineItemNumber(), "offerId", l.offerId(), "quantity",
            l.quantity(), "termDuration", l.termDuration(), "partnerIdOnRecord", l.partnerIdOnRecord(), "provisioningContext",
            ordered("subscriptionId", l.provisioningContext().subscriptionId(), "scope", l.provisioningContext().scope(), "duration",
                l.provisioningContext().duration()))).toList());
  }

  /** A collection page; the rest behind a continuation token in {@code links.next}, as the API pages. */
  private ResponseDefinition page(String path, List<Object> items, int size) {
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
    Map<String, Object> body = ordered("totalCount", items.size(), "items", items.subList(0, Math.min(pageSize, items.size())));
    if (items.size() > pageSize) {
      String token = UUID.randomUUID().toString();
      continuations.put(token, new ArrayList<>(items.subList(pageSize, items.size())));
      body.put("links", ordered("next", ordered("uri", path + "?size=" + size + "&seekOperation=next", "method", "GET", "headers",
          List.of(ordered("key", "MS-ContinuationToken", "value", token)))));
    } else {
      body.put("links", ordered());
    }
    body.put("attributes", ordered("objectType", "Collection"));
    return jsonResponse(200, body);
  }

  private ResponseDefinition collection(List<?> items) {
    return jsonResponse(200, ordered("totalCount", items.size(), "items", items, "links", ordered(), "attributes",
        ordered("objectType", "Collection")));
  }

  private ResponseDefinition jsonResponse(int status, Object body) {
    try {
      ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
          .withHeader("MS-CV", UUID.randomUUID().toString()).withBody(json.writeValueAsString(body));
      return response.build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PartnerCenterException(400, "800002", "Invalid request input: the body is not JSON");
    }
  }

  private static int intParameter(Request request, String name, int fallback) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : fallback;
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
