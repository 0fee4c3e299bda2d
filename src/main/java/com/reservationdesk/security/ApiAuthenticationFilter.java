package com.reservationdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for Reservation Desk's own {@code /api}, against the same Camunda users as Tasklist and
 * {@code /engine-rest}; the user is set as the engine's authenticated user for the request.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = authenticatedUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (userId == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Reservation Desk\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in with your Reservation Desk user");
      return;
    }
    try {
      identity.setAuthenticatedUserId(userId);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = credentials.substring(0, colon);
    return identity.checkPassword(userId, credentials.substring(colon + 1)) ? userId : null;
  }
}
