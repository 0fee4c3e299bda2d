package com.reservationdesk.pricing.retail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.ComputePricesContract;
import com.reservationdesk.pricing.ComputePricesUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The compute price contract on the live adapter, over HTTP against the fake Retail Prices API; then what only the live
 * adapter does: the documented query, paging, the Linux row among the others, the cache, failures.
 */
class RetailPricesApiComputePricesContractTest extends ComputePricesContract {

  private final FakeRetailPricesServer fake = new FakeRetailPricesServer();
  private final RetailPricesApiComputePrices live = new RetailPricesApiConfiguration().retailPricesApiComputePrices(properties(fake.baseUrl()));

  @Override
  protected ComputePrices computePrices() {
    return live;
  }

  @BeforeEach
  void forgetRequests() {
    fake.reset();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  static RetailPricesApiProperties properties(String baseUrl) {
    return new RetailPricesApiProperties(URI.create(baseUrl), Duration.ofHours(6), Duration.ofSeconds(2), Duration.ofSeconds(5), 10);
  }

  @Test
  void asksTheDocumentedQueryAndFollowsEveryPage() {
    RetailPricesApiComputePrices prices = fresh();
    assertThat(prices.vm("westeurope", "Standard_E16s_v5")).isPresent();

    List<LoggedRequest> requests = fake.requests();
    assertThat(requests).hasSize(3); // five rows, two a page: the Linux one is on the last
    for (LoggedRequest request : requests) {
      assertThat(request.queryParameter("api-version").firstValue()).isEqualTo("2023-01-01-preview");
      assertThat(request.queryParameter("$filter").firstValue()).isEqualTo(
          "serviceName eq 'Virtual Machines' and armRegionName eq 'westeurope' and armSkuName eq 'Standard_E16s_v5' and priceType eq 'Consumption'");
    }
    assertThat(requests.get(0).getUrl()).contains("$filter=serviceName%20eq%20%27Virtual%20Machines%27%20and%20");
    assertThat(requests).extracting(r -> r.queryParameter("$skip").isPresent() ? r.queryParameter("$skip").firstValue() : "")
        .containsExactly("", "2", "4");
  }

  @Test
  void takesTheLinuxPayAsYouGoRow_notWindowsSpotOrLowPriority() {
    // The fake lists Windows, Spot, Low Priority and Windows Spot before the Linux row, each at another price.
    RetailPriceJson linux = fake.linuxRow("westus", "Standard_E16s_v5");
    assertThat(fresh().vm("westus", "Standard_E16s_v5")).hasValueSatisfying(prices -> {
      assertThat(prices.payAsYouGo()).isEqualByComparingTo(linux.unitPrice());
      assertThat(prices.payAsYouGo()).isEqualByComparingTo("1.106");
      assertThat(prices.savingsPlanOneYear()).isEqualByComparingTo("0.87779");
    });
  }

  @Test
  void asksOncePerSizeAndRegionWhileTheCacheKeepsIt_andAgainAfterwards() {
    AtomicLong nanos = new AtomicLong();
    RetailPricesApiComputePrices prices = new RetailPricesApiComputePrices(restClient(), properties(fake.baseUrl()), nanos::get);
    prices.vm("eastus", "Standard_D4s_v5");
    prices.vm("EastUS", "Standard_D4s_v5");
    prices.vm("eastus", "Standard_Q8_v9");
    prices.vm("eastus", "Standard_Q8_v9");
    assertThat(fake.requests()).hasSize(3 + 1); // an unknown size is one empty page, kept like any answer

    nanos.addAndGet(TimeUnit.HOURS.toNanos(5));
    prices.vm("eastus", "Standard_D4s_v5");
    assertThat(fake.requests()).hasSize(4);
    nanos.addAndGet(TimeUnit.HOURS.toNanos(2));
    prices.vm("eastus", "Standard_D4s_v5");
    assertThat(fake.requests()).hasSize(7);
  }

  @Test
  void aFailingApiIsUnavailable_notEmpty_andIsAskedAgainNextTime() {
    fake.wireMock().stubFor(get(urlPathEqualTo(FakeRetailPricesServer.PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(503).withBody("{\"Error\":{\"Code\":\"ServiceUnavailable\"}}")));
    RetailPricesApiComputePrices prices = fresh();
    assertThatThrownBy(() -> prices.vm("eastus", "Standard_D4s_v5"))
        .isInstanceOf(ComputePricesUnavailableException.class).hasMessageContaining("HTTP 503");

    fake.reset();
    assertThat(prices.vm("eastus", "Standard_D4s_v5")).isPresent();
  }

  @Test
  void anAnswerThatIsNotAPageOfPricesIsUnavailable() {
    fake.wireMock().stubFor(get(urlPathEqualTo(FakeRetailPricesServer.PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
    assertThatThrownBy(() -> fresh().vm("eastus", "Standard_D4s_v5")).isInstanceOf(ComputePricesUnavailableException.class)
        .hasMessageContaining("not a page of prices");
  }

  @Test
  void aNextPageLinkToAnotherHostIsNotFollowed() {
    fake.wireMock().stubFor(get(urlPathEqualTo(FakeRetailPricesServer.PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"Items\":[],\"NextPageLink\":\"http://elsewhere.example/api/retail/prices?$skip=100\",\"Count\":0}")));
    assertThatThrownBy(() -> fresh().vm("eastus", "Standard_D4s_v5")).isInstanceOf(ComputePricesUnavailableException.class)
        .hasMessageContaining("leads away");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void pagesWithoutEndStopAtTheLimit() {
    fake.wireMock().stubFor(get(urlPathEqualTo(FakeRetailPricesServer.PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"Items\":[],\"NextPageLink\":\"" + fake.baseUrl() + "?$skip=1\",\"Count\":0}")));
    RetailPricesApiComputePrices prices = new RetailPricesApiComputePrices(restClient(),
        new RetailPricesApiProperties(URI.create(fake.baseUrl()), Duration.ofHours(6), Duration.ofSeconds(2), Duration.ofSeconds(5), 3));
    assertThatThrownBy(() -> prices.vm("eastus", "Standard_D4s_v5")).isInstanceOf(ComputePricesUnavailableException.class)
        .hasMessageContaining("more than 3 pages");
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void withoutThePreviewVersionTheFakeHasNoSavingsPlanPrices_asTheApi_soAClientThatForgetsItFails() throws Exception {
    String filter = "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus' and armSkuName eq 'Standard_D4s_v5' and "
        + "priceType eq 'Consumption'";
    String body = RestClient.create().get().uri(fake.baseUrl() + "?$filter={f}", filter).retrieve().body(String.class);
    RetailPricesPageJson older = RetailPricesJson.MAPPER.readValue(body, RetailPricesPageJson.class);
    assertThat(older.items()).hasSize(FakeRetailPricesServer.PAGE_SIZE).allSatisfy(row -> assertThat(row.savingsPlan()).isNull());
    assertThat(older.nextPageLink()).contains("$skip=2");
  }

  /** A new adapter with an empty cache, so that each test counts its own requests. */
  private RetailPricesApiComputePrices fresh() {
    return new RetailPricesApiConfiguration().retailPricesApiComputePrices(properties(fake.baseUrl()));
  }

  private static RestClient restClient() {
    return RestClient.create();
  }
}
