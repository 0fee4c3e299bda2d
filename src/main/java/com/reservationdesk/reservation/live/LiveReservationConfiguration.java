package com.reservationdesk.reservation.live;

import com.reservationdesk.common.ClientCredentials;
import com.reservationdesk.common.TenantRegistrations;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.web.client.RestClient;

/**
 * Live mode ({@code reservation-desk.partner.mode=live}): reservations from Partner Center and Azure Resource Manager with
 * the partner's app registration, client credentials through Spring Security's OAuth2 client ({@link ClientCredentials}),
 * an app token for Partner Center and a token of each customer's tenant for Azure ({@link TenantRegistrations}), as the
 * live usage does. The settings are checked when they are bound ({@link LiveReservationProperties}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
public class LiveReservationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LiveReservationConfiguration.class);
  private static final AnonymousAuthenticationToken APP = new AnonymousAuthenticationToken("reservation-desk", "reservation-desk",
      AuthorityUtils.createAuthorityList("ROLE_APP"));

  @Bean
  LiveReservationInventory liveReservationInventory(LiveReservationProperties properties, Clock clock) {
    return create(properties, clock, duration -> Thread.sleep(duration.toMillis()));
  }

  /** Returns and exchanges with the same app registration, tokens and requests as the inventory. */
  @Bean
  LiveReservationReturns liveReservationReturns(LiveReservationInventory inventory) {
    return new LiveReservationReturns(inventory);
  }

  /** The adapter on its own: the bean above, and tests against the fake reservation server. */
  static LiveReservationInventory create(LiveReservationProperties properties, Clock clock, ReservationHttp.Sleeper sleeper) {
    JdkClientHttpRequestFactory http = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(properties.connectTimeout()).build());
    http.setReadTimeout(properties.readTimeout());

    TenantRegistrations registrations = new TenantRegistrations("reservations", new TenantRegistrations.App(properties.clientId(),
        properties.clientSecret(), properties.effectiveTokenUri(), properties.partnerCenterScope(), properties.armTokenUri(),
        properties.armScope()));
    InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
    OAuth2AuthorizedClientManager manager = ClientCredentials.manager(registrations, tokens, http);

    OAuth2ClientHttpRequestInterceptor partnerCenterBearer = new OAuth2ClientHttpRequestInterceptor(manager);
    partnerCenterBearer.setClientRegistrationIdResolver(request -> registrations.partnerCenter());
    partnerCenterBearer.setPrincipalResolver(request -> APP);
    OAuth2ClientHttpRequestInterceptor armBearer = new OAuth2ClientHttpRequestInterceptor(manager);
    armBearer.setClientRegistrationIdResolver(new RequestAttributeClientRegistrationIdResolver());
    armBearer.setPrincipalResolver(request -> APP);

    ReservationHttp reservationHttp = new ReservationHttp(
        RestClient.builder().requestFactory(http).requestInterceptor(partnerCenterBearer).build(),
        RestClient.builder().requestFactory(http).requestInterceptor(armBearer).build(),
        () -> tokens.removeAuthorizedClient(registrations.partnerCenter(), APP.getName()), registrations::arm, properties, sleeper);
    log.info("Reservations: live, Partner Center {} and Azure Resource Manager {} as app {} of tenant {}", properties.partnerCenterUrl(),
        properties.armUrl(), properties.clientId(), properties.tenantId());
    return new LiveReservationInventory(reservationHttp, properties, clock);
  }
}
