package com.reservationdesk.engine.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers anyone by default: require HTTP Basic with a Camunda user on it and on
 * Reservation Desk's own {@code /api}. The webapps (Tasklist, Cockpit, Admin) keep their own login.
 */
@Configuration
public class RestAuthenticationConfiguration {

  /**
   * @param loginMemory how long a successful login is remembered ({@code reservation-desk.security.rest-login-memory},
   *     PT1M; PT0S checks the password on every call): see {@link RememberingBasicAuthenticationProvider}
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(ProcessEngine engine,
      @Value("${reservation-desk.security.rest-login-memory:PT1M}") Duration loginMemory) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new RestAuthenticationFilter(engine, new RememberingBasicAuthenticationProvider(loginMemory, Clock.systemUTC())));
    registration.setName("reservation-desk-rest-authentication");
    // Camunda's init requires a provider class; the filter then uses ours instead.
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * Camunda's filter with our provider, and this application's engine found directly: Camunda's lookup
   * runs a {@code ServiceLoader} over the whole class path on every call.
   */
  static final class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    private final ProcessEngine engine;
    private final AuthenticationProvider provider;

    RestAuthenticationFilter(ProcessEngine engine, AuthenticationProvider provider) {
      this.engine = engine;
      this.provider = provider;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      super.init(config);
      authenticationProvider = provider;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
    }
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, false));
    registration.setName("reservation-desk-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /** Runs before Camunda's own filters on its REST API, Tasklist's API and the admin setup endpoint. */
  @Bean
  FilterRegistrationBean<KnownVulnerabilityFilter> knownVulnerabilityFilter() {
    FilterRegistrationBean<KnownVulnerabilityFilter> registration = new FilterRegistrationBean<>(new KnownVulnerabilityFilter());
    registration.setName("reservation-desk-known-vulnerabilities");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The order history and "your purchases" pages: the Tasklist login of the same browser, or HTTP Basic with the same users. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> pageAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, true));
    registration.setName("reservation-desk-page-authentication");
    registration.addUrlPatterns("/orders", "/orders/*", "/purchases", "/purchases/*");
    return registration;
  }

  /** Metrics for logged-in users only; health (/actuator/health/**) stays open for load balancers. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, false));
    registration.setName("reservation-desk-actuator-authentication");
    registration.addUrlPatterns("/actuator/metrics", "/actuator/metrics/*", "/actuator/prometheus", "/actuator/info");
    return registration;
  }
}
