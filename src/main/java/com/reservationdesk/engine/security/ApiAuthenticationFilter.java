package com.reservationdesk.engine.security;

import com.reservationdesk.security.Roles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for Reservation Desk's own {@code /api}, against the same Camunda users as Tasklist and
 * {@code /engine-rest}; the user is set as the engine's authenticated user for the request.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final boolean acceptTasklistLogin;

  /**
   * @param acceptTasklistLogin also accept a user logged in to Tasklist in the same browser, so a page
   *     linked from a form opens without a second login
   */
  public ApiAuthenticationFilter(IdentityService identity, boolean acceptTasklistLogin) {
    this.identity = identity;
    this.acceptTasklistLogin = acceptTasklistLogin;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = acceptTasklistLogin ? tasklistUser(request) : null;
    if (userId == null) {
      userId = authenticatedUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    }
    if (userId == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Reservation Desk\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in with your Reservation Desk user");
      return;
    }
    java.util.List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    if (!Roles.hasAnyRole(groups)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your user has no Reservation Desk role (agents, approvers, operators, "
          + "admins): ask an administrator");
      return;
    }
    try {
      identity.setAuthentication(userId, groups);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user of the Camunda webapps' session (Tasklist's login), if this browser has one. */
  private static String tasklistUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
    return authentication == null ? null : authentication.getIdentityId();
  }

  private String authenticatedUser(String header) {
    BasicCredentials credentials = BasicCredentials.parse(header);
    return credentials != null && identity.checkPassword(credentials.user(), credentials.password()) ? credentials.user() : null;
  }
}
