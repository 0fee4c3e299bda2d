package com.reservationdesk.pricing.retail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A local Azure Retail Prices API for the live compute price adapter's tests: a WireMock server, like the fake Partner
 * Center, that answers {@code GET /api/retail/prices} with the documented query ({@code api-version},
 * {@code $filter=serviceName eq '…' and armRegionName eq '…' and armSkuName eq '…' and priceType eq 'Consumption'}) from
 * the demo price file's pay-as-you-go rows, read and written with the adapter's records ({@link RetailPriceJson}).
 *
 * <p>As the real API does, it answers every VM size with more rows than the Linux one (Windows, Spot, Low Priority,
 * Windows Spot, listed first), writes savings plan prices only for api-version 2023-01-01-preview, and pages: at most
 * {@link #PAGE_SIZE} items a page, with an absolute, encoded {@code NextPageLink} carrying {@code $skip}. A filter of
 * another shape is refused with 400. WireMock keeps every request, so tests verify what was asked and stub faults.
 */
public final class FakeRetailPricesServer implements AutoCloseable {

  public static final String PATH = "/api/retail/prices";
  /** Five rows per size and region, two a page: the Linux row is on the third page. */
  public static final int PAGE_SIZE = 2;

  private static final Pattern FILTER = Pattern.compile(
      "serviceName eq '([^']*)' and armRegionName eq '([^']*)' and armSkuName eq '([^']*)' and priceType eq '([^']*)'");

  private final Map<String, RetailPriceJson> linuxRows;
  private final WireMockServer server;

  public FakeRetailPricesServer() {
    linuxRows = demoRows().stream().filter(RetailPriceJson::isLinuxVmPayAsYouGo)
        .collect(Collectors.toUnmodifiableMap(row -> key(row.armRegionName(), row.armSkuName()), row -> row));
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Api()));
    server.start();
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withTransformers("fake-retail-prices")));
  }

  /** What {@code reservation-desk.retail-prices.base-url} is in tests. */
  public String baseUrl() {
    return server.baseUrl() + PATH;
  }

  /** For verifying requests and stubbing faults (at a priority below 5). */
  public WireMockServer wireMock() {
    return server;
  }

  /** The demo price file's Linux pay-as-you-go row of a size in a region, which the fake serves among the others. */
  public RetailPriceJson linuxRow(String region, String size) {
    return linuxRows.get(key(region, size));
  }

  /** The requests for prices so far, in order. */
  public List<LoggedRequest> requests() {
    return server.findAll(getRequestedFor(urlPathEqualTo(PATH)));
  }

  /** Forgets the requests seen so far and any fault stubbed. */
  public void reset() {
    server.resetRequests();
    server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() < 5).toList().forEach(server::removeStub);
  }

  @Override
  public void close() {
    server.stop();
  }

  private static List<RetailPriceJson> demoRows() {
    try (InputStream in = new ClassPathResource("partnercenter/catalog/retail-prices-reservations.json").getInputStream()) {
      return RetailPricesJson.MAPPER.readValue(in, RetailPricesPageJson.class).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String region, String size) {
    return region + "|" + size;
  }

  /** The rows the API has for a size in a region: the other kinds first, so a client that takes the first row is caught. */
  private List<RetailPriceJson> rows(String region, String size) {
    RetailPriceJson linux = linuxRows.get(key(region, size));
    if (linux == null) {
      return List.of();
    }
    return List.of(
        variant(linux, " Windows", "", "1.84", true),
        variant(linux, "", " Spot", "0.12", false),
        variant(linux, "", " Low Priority", "0.2", false),
        variant(linux, " Windows", " Spot", "0.3", false),
        linux);
  }

  /** Another row of the same size: its product or meter name marks it, its price differs, its ids are its own. */
  private static RetailPriceJson variant(RetailPriceJson linux, String productSuffix, String nameSuffix, String factor,
      boolean savingsPlan) {
    BigDecimal price = linux.unitPrice().multiply(new BigDecimal(factor)).setScale(4, RoundingMode.HALF_UP);
    ObjectNode row = RetailPricesJson.MAPPER.valueToTree(linux);
    row.put("productName", linux.productName() + productSuffix);
    row.put("skuName", linux.skuName() + nameSuffix);
    row.put("meterName", linux.meterName() + nameSuffix);
    row.put("unitPrice", price);
    row.put("retailPrice", price);
    row.put("meterId", "fake-" + (productSuffix + nameSuffix).trim().replace(' ', '-') + "-" + linux.meterId());
    row.put("skuId", linux.productId() + "/" + Integer.toHexString((productSuffix + nameSuffix).hashCode() & 0xffff).toUpperCase());
    if (!savingsPlan) {
      row.remove("savingsPlan");
    }
    return RetailPricesJson.MAPPER.convertValue(row, RetailPriceJson.class);
  }

  private final class Api implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "fake-retail-prices";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      QueryParameter filter = request.queryParameter("$filter");
      Matcher m = filter.isPresent() ? FILTER.matcher(filter.firstValue()) : null;
      if (m == null || !m.matches()) {
        return error(400, "Invalid OData parameters supplied");
      }
      List<RetailPriceJson> rows = RetailPriceJson.VIRTUAL_MACHINES.equals(m.group(1)) && RetailPriceJson.CONSUMPTION.equals(m.group(4))
          ? rows(m.group(2), m.group(3)) : List.of();
      QueryParameter version = request.queryParameter("api-version");
      String apiVersion = version.isPresent() ? version.firstValue() : null;
      if (!"2023-01-01-preview".equals(apiVersion)) {
        rows = rows.stream().map(FakeRetailPricesServer::withoutSavingsPlan).toList();
      }
      QueryParameter skipParameter = request.queryParameter("$skip");
      int skip = skipParameter.isPresent() ? Integer.parseInt(skipParameter.firstValue()) : 0;
      List<RetailPriceJson> page = new ArrayList<>(rows.subList(Math.min(skip, rows.size()), Math.min(skip + PAGE_SIZE, rows.size())));
      String next = skip + PAGE_SIZE < rows.size()
          ? UriComponentsBuilder.fromUriString(baseUrl()).queryParam("api-version", "{version}").queryParam("$filter", "{filter}")
              .queryParam("$skip", skip + PAGE_SIZE).encode().buildAndExpand(apiVersion, filter.firstValue()).toUriString()
          : null;
      return json(200, RetailPricesPageJson.of(page, next));
    }
  }

  /** What the API's versions before the preview write: the same rows without savings plan prices. */
  private static RetailPriceJson withoutSavingsPlan(RetailPriceJson row) {
    ObjectNode node = RetailPricesJson.MAPPER.valueToTree(row);
    node.remove("savingsPlan");
    return RetailPricesJson.MAPPER.convertValue(node, RetailPriceJson.class);
  }

  private static ResponseDefinition error(int status, String message) {
    return json(status, Map.of("Error", Map.of("Code", "BadRequest", "Message", message)));
  }

  private static ResponseDefinition json(int status, Object body) {
    try {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
          .withBody(RetailPricesJson.MAPPER.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
