package com.reservationdesk.engine.security;

import com.reservationdesk.security.Roles;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * One Spring Security filter chain for Reservation Desk's own pages and API, beside Camunda's own logins:
 *
 * <ul>
 *   <li>pages ({@code /orders}, {@code /purchases}, {@code /reservations}): HTTP Basic, or the Camunda webapps' login of the
 *       same browser; their few forms that post carry a CSRF token;
 *   <li>API ({@code /api}) and actuator: HTTP Basic; health is open to load balancers;
 *   <li>everything else (the webapps under {@code /camunda}, {@code /engine-rest}) is left to Camunda, which logs in
 *       its webapps itself and {@code /engine-rest} with {@link RestAuthenticationConfiguration}.
 * </ul>
 *
 * Users are Camunda's ({@link CamundaUsers}); Reservation Desk's pages and API answer members of its groups only.
 * Spring Security's firewall also refuses, for every path, addresses only an attacker writes (encoded slashes,
 * path parameters, dot segments).
 */
@Configuration
public class WebSecurityConfiguration {

  private static final String[] ROLES = Roles.ANY_ROLE.toArray(String[]::new);

  @Bean
  @Order(1)
  SecurityFilterChain reservationDeskPages(HttpSecurity http, CamundaUsers users, ProcessEngine engine) throws Exception {
    return common(http.securityMatcher("/orders", "/orders/**", "/purchases", "/purchases/**", "/reservations", "/reservations/**"), users)
        // The reservations page's buttons post (they start a process for the agent): a token in a cookie and the form.
        .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()))
        .addFilterBefore(new WebappSessionAuthentication(users, engine.getName()), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(ROLES))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain reservationDeskApi(HttpSecurity http, CamundaUsers users) throws Exception {
    return common(http.securityMatcher("/api/**", "/actuator/**"), users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasAnyAuthority(ROLES))
        .build();
  }

  /** Camunda's webapps and REST API: their own login, headers and CSRF protection; nothing of Spring Security's. */
  @Bean
  @Order(3)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    return http.securityMatcher("/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .build();
  }

  private static HttpSecurity common(HttpSecurity http, CamundaUsers users) throws Exception {
    return http.authenticationProvider(users)
        .httpBasic(basic -> basic.realmName("Reservation Desk"))
        // Read-only pages and a stateless API: no session of their own, nothing a forged form could change.
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
  }
}
