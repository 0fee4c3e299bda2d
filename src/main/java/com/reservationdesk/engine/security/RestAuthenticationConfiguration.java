package com.reservationdesk.engine.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers anyone by default: require HTTP Basic with a Camunda user on it, with Camunda's own
 * authentication filter. The webapps (Tasklist, Cockpit, Admin) keep their own login; Reservation Desk's pages and
 * {@code /api} have theirs ({@link WebSecurityConfiguration}).
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

  /** Runs before Camunda's own filters on its REST API, Tasklist's API and the admin setup endpoint. */
  @Bean
  FilterRegistrationBean<KnownVulnerabilityFilter> knownVulnerabilityFilter() {
    FilterRegistrationBean<KnownVulnerabilityFilter> registration = new FilterRegistrationBean<>(new KnownVulnerabilityFilter());
    registration.setName("reservation-desk-known-vulnerabilities");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
