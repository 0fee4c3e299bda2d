package com.reservationdesk.partnercenter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.reservationdesk.partnercenter.live.wire.AvailabilityJson;
import com.reservationdesk.partnercenter.live.wire.AzureEntitlementJson;
import com.reservationdesk.partnercenter.live.wire.CartJson;
import com.reservationdesk.partnercenter.live.wire.CheckoutResultJson;
import com.reservationdesk.partnercenter.live.wire.CustomerFilterJson;
import com.reservationdesk.partnercenter.live.wire.CustomerJson;
import com.reservationdesk.partnercenter.live.wire.ErrorJson;
import com.reservationdesk.partnercenter.live.wire.InventoryCheckJson;
import com.reservationdesk.partnercenter.live.wire.InventoryItemJson;
import com.reservationdesk.partnercenter.live.wire.KeyValueJson;
import com.reservationdesk.partnercenter.live.wire.OrderJson;
import com.reservationdesk.partnercenter.live.wire.PageJson;
import com.reservationdesk.partnercenter.live.wire.PartnerCenterJson;
import com.reservationdesk.partnercenter.live.wire.ProductJson;
import com.reservationdesk.partnercenter.live.wire.RegistrationStatusJson;
import com.reservationdesk.partnercenter.live.wire.RelationshipJson;
import com.reservationdesk.partnercenter.live.wire.SkuJson;
import com.reservationdesk.partnercenter.live.wire.SubscriptionJson;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * it answers like a stateful system (carts become orders, registrations progress, restrictions apply) and refuses a
 * reservation or savings plan line with the same rules and error codes as the embedded adapter.
 * It reads requests and writes answers through the live adapter's wire records ({@code live.wire}), so the
 * two cannot disagree on a payload's shape.
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
  private final ObjectMapper json = PartnerCenterJson.MAPPER;
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Map<String, List<?>> continuations = new ConcurrentHashMap<>();
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
        return jsonResponse(e.httpStatus(), ErrorJson.of(e));
      }
    }
  }

  private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)");
  private static final Pattern SUBSCRIPTIONS = Pattern.compile("/v1/customers/([^/]+)/subscriptions");
  private static final Pattern ENTITLEMENTS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/azureEntitlements");
  private static final Pattern REGISTRATIONS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/registrations");
  private static final Pattern REGISTRATION_STATUS = Pattern.compile("/v1/customers/([^/]+)/subscriptions/([^/]+)/registrationstatus");
  private static final Pattern SKUS = Pattern.compile("/v1/products/([^/]+)/skus");
  private static final Pattern SKU = Pattern.compile("/v1/products/([^/]+)/skus/([^/]+)");
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
      List<?> rest = continuations.remove(continuation);
      if (rest == null) {
        throw new PartnerCenterException(400, "800002", "Invalid continuation token");
      }
      return page(path, rest, intParameter(request, "size", MAX_PAGE));
    }
    if (method.equals("GET") && path.equals("/v1/customers")) {
      QueryParameter filter = request.queryParameter("filter");
      List<Customer> customers;
      if (filter.isPresent()) {
        CustomerFilterJson f = read(filter.firstValue(), CustomerFilterJson.class);
        if (!CustomerFilterJson.STARTS_WITH.equals(f.operator())) {
          throw new PartnerCenterException(400, "800002", "Only the starts_with operator is supported");
        }
        customers = pc.searchCustomers(f.searchField(), f.value(), 100_000);
      } else {
        customers = pc.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 100_000);
      }
      return page(path, customers.stream().map(CustomerJson::of).toList(), intParameter(request, "size", MAX_PAGE));
    }
    if (method.equals("GET") && (m = CUSTOMER.matcher(path)).matches()) {
      String customerId = m.group(1);
      return jsonResponse(200, CustomerJson.of(pc.getCustomer(customerId)
          .orElseThrow(() -> PartnerCenterException.of(ErrorCode.CUSTOMER_NOT_FOUND, customerId))));
    }
    if (method.equals("GET") && (m = SUBSCRIPTIONS.matcher(path)).matches()) {
      return page(path, pc.getSubscriptions(m.group(1)).stream().map(SubscriptionJson::of).toList(), MAX_PAGE);
    }
    if (method.equals("GET") && (m = ENTITLEMENTS.matcher(path)).matches()) {
      return collection(pc.getAzureEntitlements(m.group(1), m.group(2)).stream().map(AzureEntitlementJson::of).toList());
    }
    if (method.equals("POST") && (m = REGISTRATIONS.matcher(path)).matches()) {
      pc.registerForReservations(m.group(1), m.group(2));
      return aResponse().withStatus(202).withHeader("Location", "/v1/customers/" + m.group(1) + "/subscriptions/" + m.group(2)
          + "/registrationstatus").build();
    }
    if (method.equals("GET") && (m = REGISTRATION_STATUS.matcher(path)).matches()) {
      return jsonResponse(200, RegistrationStatusJson.of(m.group(2), pc.getRegistrationStatus(m.group(1), m.group(2))));
    }
    if (method.equals("GET") && path.equals("/v1/products")) {
      String view = request.queryParameter("targetView").firstValue();
      if ("MicrosoftAzure".equals(view)) {
        return collection(List.of(new ProductJson(Subscription.AZURE_PLAN_PRODUCT_ID, "Azure plan", null)));
      }
      Map<String, ReservationSku> products = new LinkedHashMap<>();
      backend.catalog().skus().stream().filter(s -> s.type().targetView().equals(view)).forEach(s -> products.putIfAbsent(s.productId(), s));
      return collection(products.values().stream().map(s -> new ProductJson(s.productId(), s.productName(),
          new ProductJson.ProductType("Azure", "Azure"))).toList());
    }
    if (method.equals("GET") && (m = AVAILABILITIES.matcher(path)).matches()) {
      if (m.group(1).equals(Subscription.AZURE_PLAN_PRODUCT_ID)) {
        return collection(List.of(new AvailabilityJson("DZH318Z0BNZX", m.group(1), m.group(2), AZURE_PLAN_CATALOG_ITEM, true,
            new AvailabilityJson.Currency("USD", "$"), List.of(), null)));
      }
      return collection(List.of(AvailabilityJson.of(pc.getAvailability(request.queryParameter("country").firstValue(), m.group(1),
          m.group(2)))));
    }
    if (method.equals("GET") && (m = SKU.matcher(path)).matches() && SavingsPlanProduct.isSavingsPlan(m.group(1))) {
      // The savings plan's SKU, with its minimum hourly commitment in the market's currency.
      return jsonResponse(200, SkuJson.ofSavingsPlan(pc.getAvailability(request.queryParameter("country").firstValue(), m.group(1),
          m.group(2))));
    }
    if (method.equals("GET") && (m = SKUS.matcher(path)).matches()) {
      String productId = m.group(1);
      return collection(backend.catalog().skus().stream().filter(s -> s.productId().equals(productId)).map(SkuJson::of).toList());
    }
    if (method.equals("POST") && path.equals("/v1/extensions/product/checkinventory")) {
      InventoryCheckJson check = read(request.getBodyAsString(), InventoryCheckJson.class);
      return jsonResponse(200, pc.checkInventory(request.queryParameter("country").firstValue(), check.context(), check.skuKeys()).stream()
          .map(InventoryItemJson::of).toList());
    }
    if (method.equals("POST") && (m = CHECKOUT.matcher(path)).matches()) {
      String customerId = m.group(1);
      String cartId = m.group(2);
      String requestId = request.getHeader("MS-RequestId");
      if (azurePlanCarts.contains(cartId)) {
        Subscription plan = pc.createAzurePlan(customerId, requestId);
        OrderJson order = new OrderJson("azure-plan-" + plan.id(), plan.id().substring(0, 12), customerId,
            BillingPlan.UPFRONT.billingCycle(), "completed", "USD", Instant.now().toString(),
            List.of(new OrderJson.LineItem(0, AZURE_PLAN_CATALOG_ITEM, plan.id(), 1, null, null, null, null)));
        return jsonResponse(200, new CheckoutResultJson(List.of(order), List.of()));
      }
      return jsonResponse(200, CheckoutResultJson.of(pc.checkout(customerId, cartId, requestId)));
    }
    if (method.equals("POST") && (m = CARTS.matcher(path)).matches()) {
      CartJson body = read(request.getBodyAsString(), CartJson.class);
      if (body.lineItems().size() == 1 && AZURE_PLAN_CATALOG_ITEM.equals(body.lineItems().get(0).catalogItemId())) {
        String cartId = UUID.randomUUID().toString();
        azurePlanCarts.add(cartId);
        return jsonResponse(201, CartJson.of(cartId, body.lineItems()));
      }
      return jsonResponse(201, CartJson.of(pc.createCart(m.group(1), body.toRequest())));
    }
    if (method.equals("PUT") && (m = CART.matcher(path)).matches()) {
      return jsonResponse(201, CartJson.of(pc.updateCart(m.group(1), m.group(2), read(request.getBodyAsString(), CartJson.class)
          .toRequest())));
    }
    if (method.equals("GET") && (m = ORDER.matcher(path)).matches()) {
      String orderId = m.group(2);
      return jsonResponse(200, OrderJson.of(pc.getOrder(m.group(1), orderId)
          .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "order " + orderId))));
    }
    if (method.equals("GET") && path.equals("/v1/relationships")
        && RelationshipJson.INDIRECT_RESELLER.equals(request.queryParameter("relationship_type").firstValue())) {
      return collection(pc.getIndirectResellers().stream().map(RelationshipJson::of).toList());
    }
    throw new PartnerCenterException(404, "600010", "Resource not found: " + method + " " + path);
  }

  /** A collection page; the rest behind a continuation token in {@code links.next}, as the API pages. */
  private ResponseDefinition page(String path, List<?> items, int size) {
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
    PageJson.Next next = null;
    if (items.size() > pageSize) {
      String token = UUID.randomUUID().toString();
      continuations.put(token, new ArrayList<>(items.subList(pageSize, items.size())));
      next = new PageJson.Next(path + "?size=" + size + "&seekOperation=next", "GET",
          List.of(new KeyValueJson("MS-ContinuationToken", token)));
    }
    return jsonResponse(200, PageJson.of(items.size(), items.subList(0, Math.min(pageSize, items.size())), next));
  }

  private ResponseDefinition collection(List<?> items) {
    return jsonResponse(200, PageJson.of(items));
  }

  private ResponseDefinition jsonResponse(int status, Object body) {
    try {
      ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
          .withHeader("MS-CV", UUID.randomUUID().toString()).withBody(json.writeValueAsString(body));
      return response.build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new PartnerCenterException(400, "800002", "Invalid request input: the body is not JSON");
    }
  }

  private static int intParameter(Request request, String name, int fallback) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : fallback;
  }
}
