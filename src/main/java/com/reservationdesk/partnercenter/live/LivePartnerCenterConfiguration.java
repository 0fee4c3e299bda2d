package com.reservationdesk.partnercenter.live;

import com.reservationdesk.common.ClientCredentials;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * Live mode ({@code reservation-desk.partner.mode=live}): the Partner Center REST API with the partner's
 * app registration, OAuth2 client credentials through Spring Security's OAuth2 client. Its settings are bound
 * and validated here only, so a missing one stops the start in live mode, named, and the embedded mode needs none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@EnableConfigurationProperties(LivePartnerCenterProperties.class)
public class LivePartnerCenterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LivePartnerCenterConfiguration.class);
  static final String REGISTRATION_ID = "partner-center";
  private static final AnonymousAuthenticationToken APP = new AnonymousAuthenticationToken("reservation-desk", "reservation-desk",
      AuthorityUtils.createAuthorityList("ROLE_APP"));

  @Bean
  LivePartnerCenter livePartnerCenter(LivePartnerCenterProperties properties, PartnerProperties partner, RetailPriceList prices) {
    JdkClientHttpRequestFactory http = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(properties.connectTimeout()).build());
    http.setReadTimeout(properties.readTimeout());

    ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .tokenUri(properties.effectiveTokenUri())
        .scope(properties.scope())
        .build();
    InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
    InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
    OAuth2AuthorizedClientManager manager = ClientCredentials.manager(registrations, tokens, http);
    OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
    bearer.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
    bearer.setPrincipalResolver(request -> APP);

    RestClient rest = RestClient.builder()
        .requestFactory(http)
        .requestInterceptor(bearer)
        .build();
    PartnerCenterClient client = new PartnerCenterClient(rest, properties,
        () -> tokens.removeAuthorizedClient(REGISTRATION_ID, APP.getName()), duration -> Thread.sleep(duration.toMillis()));
    log.info("Partner Center: live, {} as app {} of tenant {}", properties.baseUrl(), properties.clientId(), properties.tenantId());
    // Partner Center's catalog has no prices: the retail list's, matched on product and SKU id, are shown beside it.
    return new LivePartnerCenter(client, properties, partner, prices);
  }

  @Bean
  PartnerCenterHealthIndicator partnerCenterHealthIndicator(LivePartnerCenter partnerCenter, Clock clock,
      @Value("${reservation-desk.partner.live.health-interval:PT5M}")
      Duration interval) {
    return new PartnerCenterHealthIndicator(partnerCenter, interval, clock);
  }
}
