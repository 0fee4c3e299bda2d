package com.reservationdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers anyone by default: require HTTP Basic with a Camunda user on it and on
 * Reservation Desk's own {@code /api}. The webapps (Tasklist, Cockpit, Admin) keep their own login.
 */
@Configuration
public class RestAuthenticationConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("reservation-desk-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
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

  /** The order history page: the Tasklist login of the same browser, or HTTP Basic with the same users. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> pageAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, true));
    registration.setName("reservation-desk-page-authentication");
    registration.addUrlPatterns("/orders", "/orders/*");
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
