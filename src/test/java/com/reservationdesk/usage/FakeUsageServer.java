package com.reservationdesk.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * A local Microsoft for the live usage adapter: a WireMock server (like {@link FakePartnerCenterServer}) that speaks
 * the documented payloads of
 *
 * <ul>
 *   <li>Partner Center's unbilled daily rated usage ({@code GET /v1/invoices/unbilled/lineitems?provider=onetime
 *       &invoicelineitemtype=usagelineitems&currencycode=…&period=current|previous&size=…}), paged with
 *       {@code links.next} ({@code seekOperation=Next}) and its {@code MS-ContinuationToken} header, and
 *       {@code GET /v1/customers/{id}};
 *   <li>Azure Resource Manager's {@code reservationRecommendations} (api-version 2024-08-01, the {@code modern} kind,
 *       paged with {@code nextLink}, 204 when there is none, 401 for a token of another tenant, 403
 *       {@code AuthorizationFailed} where the partner has no access);
 *   <li>Microsoft Entra ID's token endpoint for the client-credentials grant, in the partner's and each customer's
 *       tenant; a token is good for its tenant and scope only.
 * </ul>
 *
 * It is fed from the same demo profiles as the embedded usage (a {@link StandaloneEmbeddedUsage} whose clock stands at
 * the start of today): each series becomes one line item per day with the day's VM hours, named as usage data names
 * them (meter sub-category and name, display or upper-case region names, {@code additionalInfo} with the ARM size for
 * some), a covered line item with a {@code benefitOrderId} for covered hours (spread evenly over the days), plus
 * storage and Spot line items that the adapter must leave out. Usage reaches yesterday, like Partner Center's.
 */
public final class FakeUsageServer implements AutoCloseable {

  public static final String TENANT = FakePartnerCenterServer.TENANT;
  public static final String CLIENT_ID = FakePartnerCenterServer.CLIENT_ID;
  public static final String CLIENT_SECRET = FakePartnerCenterServer.CLIENT_SECRET;
  public static final String PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";
  public static final String ARM_SCOPE = "https://management.azure.com/.default";
  /** The fake pages at most this many line items, so the adapter must follow the continuation. */
  public static final int MAX_PAGE = 250;

  private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)");
  private static final Pattern RECOMMENDATIONS = Pattern.compile(
      "/subscriptions/([^/]+)/providers/Microsoft\\.Consumption/reservationRecommendations");
  private static final Pattern TOKEN = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
  private static final Pattern LOOK_BACK = Pattern.compile("properties/lookBackPeriod eq '([A-Za-z0-9]+)'");

  private record Token(String tenant, String scope) {}

  private record Page(String period, int offset) {}

  private final LocalDate today;
  private final StandaloneEmbeddedUsage backend;
  private final WireMockServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Map<String, Page> continuations = new ConcurrentHashMap<>();
  private final Map<String, List<Map<String, Object>>> periods = new ConcurrentHashMap<>();
  private final Set<String> refusingTenants = ConcurrentHashMap.newKeySet();
  private final Map<String, String> displayNames = new HashMap<>();
  private final Map<String, String> families = new HashMap<>();
  private volatile boolean previousInvoiced;

  /** Microsoft as of the clock's day: usage up to yesterday, the current and the previous month unbilled. */
  public FakeUsageServer(Clock clock) {
    this.today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    this.backend = new StandaloneEmbeddedUsage(Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    for (ReservationSku sku : backend.embeddedPartnerCenter().catalog().skus()) {
      displayNames.putIfAbsent(sku.armRegionName(), sku.regionDisplayName());
      if (sku.type() == ReservationType.VIRTUAL_MACHINES) {
        families.putIfAbsent(sku.vmSize().armSkuName(), sku.vmSize().family());
      }
    }
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Microsoft()));
    server.start();
    server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2\\.0/token")).willReturn(aResponse().withTransformers("fake-microsoft")));
    server.stubFor(get(urlPathMatching("/v1/.*")).willReturn(aResponse().withTransformers("fake-microsoft")));
    server.stubFor(get(urlPathMatching("/subscriptions/.*")).willReturn(aResponse().withTransformers("fake-microsoft")));
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

  /** The demo data behind it: the same profiles, customers and catalog. */
  public StandaloneEmbeddedUsage backend() {
    return backend;
  }

  /** For verifying requests and stubbing faults (stubs of a priority below 5 win). */
  public WireMockServer wireMock() {
    return server;
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** Every token issued so far stops being accepted, as when tokens expire. */
  public void revokeTokens() {
    tokens.clear();
  }

  /** The tenant gives the app no token, as when the app was never consented there (AADSTS700016). */
  public void refuseTokensIn(String tenantId) {
    refusingTenants.add(tenantId.toLowerCase(Locale.ROOT));
  }

  /** The previous month was invoiced: it is no longer unbilled, and asking for it is refused. */
  public void invoicePreviousPeriod() {
    previousInvoiced = true;
  }

  /** Forgets the requests seen so far, the faults stubbed (priority below 5) and the refusals set, keeping the data. */
  public void resetFaults() {
    server.resetRequests();
    server.resetScenarios();
    server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() < 5).toList().forEach(server::removeStub);
    refusingTenants.clear();
    previousInvoiced = false;
  }

  /** The line items of a period as served, for tests that compare. */
  public List<Map<String, Object>> lineItems(String period) {
    return periods.computeIfAbsent(period, this::generate);
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
      if ((m = RECOMMENDATIONS.matcher(path)).matches()) {
        return recommendations(m.group(1).toLowerCase(Locale.ROOT), token, request);
      }
      if (token == null || !token.tenant().equals(TENANT) || !token.scope().equals(PARTNER_CENTER_SCOPE)) {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
      }
      if (path.equals("/v1/invoices/unbilled/lineitems")) {
        return lineItems(request);
      }
      if ((m = CUSTOMER.matcher(path)).matches()) {
        Optional<Customer> customer = backend.partnerCenter().getCustomer(m.group(1));
        return customer.isPresent()
            ? json(200, ordered("id", customer.get().id(), "companyProfile", ordered("tenantId", customer.get().id(), "domain",
                customer.get().domain(), "companyName", customer.get().companyName()), "relationshipToPartner",
                customer.get().relationshipToPartner(), "attributes", ordered("objectType", "Customer")))
            : partnerCenterError(404, "600001", "The customer was not found.");
      }
      return partnerCenterError(404, "600000", "Not found: " + path);
    }
  }

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

  // --- Partner Center: rated usage ---

  private ResponseDefinition lineItems(Request request) {
    if (!"onetime".equalsIgnoreCase(parameter(request, "provider")) || !"usagelineitems".equalsIgnoreCase(parameter(request,
        "invoicelineitemtype")) || parameter(request, "currencycode") == null) {
      return partnerCenterError(400, "400010", "provider=onetime, invoicelineitemtype=usagelineitems and currencycode are required");
    }
    String period = parameter(request, "period");
    if (!"current".equalsIgnoreCase(period) && !"previous".equalsIgnoreCase(period)) {
      return partnerCenterError(400, "400011", "period must be current or previous");
    }
    period = period.toLowerCase(Locale.ROOT);
    if (period.equals("previous") && previousInvoiced) {
      return partnerCenterError(400, "400027", "The previous billing period has been invoiced; read its billed line items.");
    }
    int size = Math.min(MAX_PAGE, parameter(request, "size") == null ? 2000 : Integer.parseInt(parameter(request, "size")));
    int offset = 0;
    if ("next".equalsIgnoreCase(parameter(request, "seekOperation"))) {
      String continuation = request.getHeader("MS-ContinuationToken");
      Page page = continuation == null ? null : continuations.remove(continuation);
      if (page == null || !page.period().equals(period)) {
        return partnerCenterError(400, "400012", "Invalid or missing MS-ContinuationToken for seekOperation=Next");
      }
      offset = page.offset();
    }
    List<Map<String, Object>> items = lineItems(period);
    List<Map<String, Object>> page = items.subList(offset, Math.min(items.size(), offset + size));
    Map<String, Object> links = ordered("self", ordered("uri", selfUri(period, size, false), "method", "GET", "headers", List.of()));
    if (offset + size < items.size()) {
      String continuation = UUID.randomUUID().toString();
      continuations.put(continuation, new Page(period, offset + size));
      links.put("next", ordered("uri", selfUri(period, size, true), "method", "GET", "headers",
          List.of(ordered("key", "MS-ContinuationToken", "value", continuation))));
    }
    return json(200, ordered("totalCount", page.size(), "items", page, "links", links, "attributes",
        ordered("objectType", "Collection")));
  }

  private static String selfUri(String period, int size, boolean next) {
    return "/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&currencycode=usd&period=" + period
        + "&size=" + size + (next ? "&seekOperation=Next" : "");
  }

  /** One period's line items: every demo customer's VM usage by day, as Partner Center would rate it. */
  private List<Map<String, Object>> generate(String period) {
    LocalDate currentStart = today.withDayOfMonth(1);
    LocalDate start = period.equals("current") ? currentStart : currentStart.minusMonths(1);
    LocalDate end = period.equals("current") ? today : currentStart;
    List<String> customers = backend.embeddedPartnerCenter().jdbc()
        .sql("select distinct customer_id from pc_usage_profile order by customer_id").query(String.class).list();
    List<Map<String, Object>> items = new ArrayList<>();
    for (String customerId : customers) {
      Customer customer = backend.partnerCenter().getCustomer(customerId).orElseThrow();
      List<VmUsage> usage = backend.usage().vmUsage(customerId, LookBack.LAST_60_DAYS);
      for (int s = 0; s < usage.size(); s++) {
        VmUsage series = usage.get(s);
        LocalDate first = series.from().atZone(ZoneOffset.UTC).toLocalDate();
        int days = series.hourly().length / 24;
        for (int d = 0; d < days; d++) {
          LocalDate day = first.plusDays(d);
          if (day.isBefore(start) || !day.isBefore(end)) {
            continue;
          }
          double payg = 0;
          for (int h = 0; h < 24; h++) {
            payg += series.hourly()[d * 24 + h];
          }
          if (payg > 0) {
            items.add(vmLineItem(customer, series, s, day, payg, false));
          }
          if (series.coveredHours() > 0) {
            items.add(vmLineItem(customer, series, s, day, series.coveredHours() / days, true));
          }
          if (s == 0) {
            items.add(otherLineItem(customer, series, day, "Storage", "Premium SSD Managed Disks", "P10 LRS Disk", "1/Month", 0.0323));
            items.add(otherLineItem(customer, series, day, "Virtual Machines", "Dsv5 Series", "D2s v5 Spot", "1 Hour", 3));
          }
        }
      }
    }
    return items;
  }

  /** A VM line item, named in the ways usage data names things: the adapter must normalize all of them. */
  private Map<String, Object> vmLineItem(Customer customer, VmUsage series, int index, LocalDate day, double hours, boolean covered) {
    String size = series.armSkuName();
    String family = families.getOrDefault(size, "Unknown");
    boolean windows = index % 2 == 1;
    boolean packsOfTen = index == 1 && !covered;
    Map<String, Object> item = base(customer, series, day);
    item.put("meterCategory", "Virtual Machines");
    item.put("meterSubCategory", family + " Series" + (windows ? " Windows" : ""));
    item.put("meterName", size.replaceFirst("^Standard_", "").replace('_', ' '));
    item.put("meterType", "1 Compute Hour");
    item.put("unitOfMeasure", packsOfTen ? "10 Hours" : "1 Hour");
    item.put("quantity", packsOfTen ? hours / 10 : hours);
    item.put("consumedService", "Microsoft.Compute");
    item.put("resourceUri", "/subscriptions/" + series.subscriptionId() + "/resourceGroups/rg-demo/providers/Microsoft.Compute/"
        + "virtualMachines/vm-" + size.toLowerCase(Locale.ROOT));
    // Some items carry the ARM size in additionalInfo (a string holding JSON, as documented); others only the meter.
    item.put("additionalInfo", index % 2 == 0 ? "{  \"ImageType\": null,  \"ServiceType\": \"" + size + "\",  \"VMName\": null,"
        + "  \"UsageType\": \"ComputeHR\"}" : "");
    item.put("benefitOrderId", covered ? UUID.nameUUIDFromBytes(("order:" + series.subscriptionId()).getBytes(StandardCharsets.UTF_8))
        .toString() : "");
    item.put("benefitId", covered ? UUID.nameUUIDFromBytes(("benefit:" + series.subscriptionId()).getBytes(StandardCharsets.UTF_8))
        .toString() : "");
    item.put("benefitType", covered ? "Reservation" : "");
    item.put("unitPrice", covered ? 0 : 0.192);
    return item;
  }

  private Map<String, Object> otherLineItem(Customer customer, VmUsage series, LocalDate day, String category, String subCategory,
      String meterName, String unit, double quantity) {
    Map<String, Object> item = base(customer, series, day);
    item.put("meterCategory", category);
    item.put("meterSubCategory", subCategory);
    item.put("meterName", meterName);
    item.put("unitOfMeasure", unit);
    item.put("quantity", quantity);
    item.put("additionalInfo", "");
    item.put("benefitOrderId", "");
    item.put("benefitType", "");
    return item;
  }

  private Map<String, Object> base(Customer customer, VmUsage series, LocalDate day) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("partnerId", TENANT);
    item.put("customerId", customer.id());
    item.put("customerName", customer.companyName());
    item.put("customerDomainName", customer.domain());
    item.put("productId", "DZH318Z0BPS6");
    item.put("skuId", "0001");
    item.put("productName", "Azure plan");
    item.put("subscriptionId", UUID.nameUUIDFromBytes(("billing:" + series.subscriptionId()).getBytes(StandardCharsets.UTF_8))
        .toString());
    item.put("subscriptionDescription", "Azure plan");
    item.put("chargeStartDate", day.withDayOfMonth(1) + "T00:00:00Z");
    item.put("chargeEndDate", day.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z");
    item.put("usageDate", day + "T00:00:00Z");
    // US regions as upper-case ARM names (as in Microsoft's example), the others by display name ("EU West").
    String region = series.armRegionName();
    item.put("resourceLocation", region.matches("(east|west|central)us\\d?") ? region.toUpperCase(Locale.ROOT) : displayNames.getOrDefault(region, region));
    item.put("meterRegion", displayNames.getOrDefault(region, region));
    item.put("entitlementId", series.subscriptionId());
    item.put("entitlementDescription", "Azure subscription");
    item.put("chargeType", "new");
    item.put("billingCurrency", "USD");
    item.put("invoiceLineItemType", "usage_line_items");
    item.put("billingProvider", "azure_data_market");
    item.put("attributes", ordered("objectType", "DailyRatedUsageLineItem"));
    return item;
  }

  // --- Azure Resource Manager: reservation recommendations ---

  private ResponseDefinition recommendations(String subscriptionId, Token token, Request request) {
    List<String> owners = backend.embeddedPartnerCenter().jdbc()
        .sql("select distinct customer_id from pc_usage_profile where azure_subscription_id = ?").param(subscriptionId)
        .query(String.class).list();
    String owner = owners.isEmpty() ? null : owners.get(0);
    if (token == null || !token.scope().equals(ARM_SCOPE) || owner == null || !owner.equals(token.tenant())) {
      return json(401, ordered("error", ordered("code", "InvalidAuthenticationToken", "message",
          "The access token is invalid or was issued for another tenant.")));
    }
    if (!"2024-08-01".equals(parameter(request, "api-version"))) {
      return json(400, ordered("error", ordered("code", "InvalidApiVersionParameter", "message", "Use api-version 2024-08-01.")));
    }
    boolean mayRead = backend.embeddedPartnerCenter().jdbc().sql("select count(*) from pc_azure_tenant_access where customer_id = ?")
        .param(owner).query(Integer.class).single() > 0;
    if (!mayRead) {
      return json(403, ordered("error", ordered("code", "AuthorizationFailed", "message", "The client '" + CLIENT_ID
          + "' does not have authorization to perform action 'Microsoft.Consumption/reservationRecommendations/read' over scope "
          + "'/subscriptions/" + subscriptionId + "'.")));
    }
    String filter = parameter(request, "$filter");
    Matcher lookBack = LOOK_BACK.matcher(filter == null ? "" : filter);
    if (filter == null || !lookBack.find() || !filter.contains("properties/scope eq 'Single'")
        || !filter.contains("properties/resourceType eq 'VirtualMachines'")) {
      return json(400, ordered("error", ordered("code", "BadRequest", "message", "Unsupported $filter")));
    }
    List<AzureRecommendation> all = backend.usage().azureRecommendations(owner, LookBack.ofAzureName(lookBack.group(1))).stream()
        .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    if (all.isEmpty()) {
      return aResponse().withStatus(204).build();
    }
    int skip = parameter(request, "$skiptoken") == null ? 0 : Integer.parseInt(parameter(request, "$skiptoken"));
    int pageSize = 2;
    List<Map<String, Object>> value = all.subList(skip, Math.min(all.size(), skip + pageSize)).stream().map(this::modern).toList();
    Map<String, Object> body = ordered("value", value);
    if (skip + pageSize < all.size()) {
      body.put("nextLink", server.baseUrl() + "/subscriptions/" + subscriptionId
          + "/providers/Microsoft.Consumption/reservationRecommendations?api-version=2024-08-01&$filter="
          + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20") + "&$skiptoken=" + (skip + pageSize));
    }
    return json(200, body);
  }

  /** A recommendation in the API's modern form (Microsoft Customer Agreement, which an Azure plan is). */
  private Map<String, Object> modern(AzureRecommendation r) {
    String id = UUID.nameUUIDFromBytes((r.subscriptionId() + r.armSkuName() + r.term()).getBytes(StandardCharsets.UTF_8)).toString();
    int totalHours = (int) ChronoUnit.HOURS.between(r.firstUsageDate(), today.atStartOfDay(ZoneOffset.UTC).toInstant());
    return ordered("id", "/subscriptions/" + r.subscriptionId() + "/providers/Microsoft.Consumption/reservationRecommendations/" + id,
        "name", id, "type", "Microsoft.Consumption/reservationRecommendations", "kind", "modern",
        "properties", ordered(
            "costWithNoReservedInstances", ordered("currency", r.currency(), "value", r.costWithNoReservedInstances()),
            "firstUsageDate", r.firstUsageDate().toString(),
            "instanceFlexibilityGroup", r.instanceFlexibilityGroup(),
            "instanceFlexibilityRatio", r.instanceFlexibilityRatio(),
            "location", r.armRegionName(),
            "lookBackPeriod", r.lookBack().days(),
            "meterId", UUID.nameUUIDFromBytes(r.armSkuName().getBytes(StandardCharsets.UTF_8)).toString(),
            "netSavings", ordered("currency", r.currency(), "value", r.netSavings()),
            "normalizedSize", r.normalizedSize(),
            "recommendedQuantity", r.recommendedQuantity(),
            "recommendedQuantityNormalized", r.recommendedQuantityNormalized(),
            "resourceType", "virtualmachines",
            "scope", r.scope(),
            "skuName", r.armSkuName(),
            "skuProperties", null,
            "subscriptionId", r.subscriptionId(),
            "term", r.term(),
            "totalCostWithReservedInstances", ordered("currency", r.currency(), "value", r.totalCostWithReservedInstances()),
            "totalHours", totalHours,
            "lastUsageDate", Instant.from(today.minusDays(1).atStartOfDay(ZoneOffset.UTC)).toString()));
  }

  // --- helpers ---

  private ResponseDefinition partnerCenterError(int status, String code, String description) {
    return json(status, ordered("code", code, "description", description, "data", List.of(), "source", "PartnerFD"));
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
