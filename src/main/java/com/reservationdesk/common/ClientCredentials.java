package com.reservationdesk.common;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Tokens of Microsoft Entra ID's client-credentials grant for the live adapters, from Spring Security's OAuth2 client:
 * kept until they expire, asked for over the adapter's own HTTP client (its timeouts), an error answer read as OAuth2's.
 */
public final class ClientCredentials {

  private ClientCredentials() {}

  /**
   * @param tokens where the tokens are kept: the caller keeps it too, to forget a token Microsoft stopped accepting
   */
  public static OAuth2AuthorizedClientManager manager(ClientRegistrationRepository registrations,
      InMemoryOAuth2AuthorizedClientService tokens, ClientHttpRequestFactory http) {
    RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
    tokenClient.setRestClient(RestClient.builder()
        .requestFactory(http)
        .messageConverters(converters -> {
          converters.clear();
          converters.add(new FormHttpMessageConverter());
          converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
        })
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build());
    AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
        tokens);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenClient))
        .build());
    return manager;
  }
}
