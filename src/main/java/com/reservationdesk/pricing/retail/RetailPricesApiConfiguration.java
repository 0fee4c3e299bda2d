package com.reservationdesk.pricing.retail;

import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Live mode ({@code reservation-desk.partner.mode=live}) takes its compute prices from the Azure Retail Prices API, as it
 * takes the catalog from Partner Center; the embedded mode reads them from the price file
 * ({@code partnercenter.pricelist.PriceListComputePrices}). One setting chooses both, so a live partner never sees demo
 * prices beside live orders.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@EnableConfigurationProperties(RetailPricesApiProperties.class)
public class RetailPricesApiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RetailPricesApiConfiguration.class);

  @Bean
  RetailPricesApiComputePrices retailPricesApiComputePrices(RetailPricesApiProperties properties) {
    JdkClientHttpRequestFactory http = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
    http.setReadTimeout(properties.readTimeout());
    log.info("Compute prices: live, the Azure Retail Prices API at {}, each size and region kept for {}", properties.baseUrl(),
        properties.cacheFor());
    return new RetailPricesApiComputePrices(RestClient.builder().requestFactory(http).build(), properties);
  }
}
