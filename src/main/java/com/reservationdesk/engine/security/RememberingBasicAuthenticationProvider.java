package com.reservationdesk.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;

/**
 * HTTP Basic for {@code /engine-rest} that remembers a successful login, with its groups and tenants,
 * for a short time, as Camunda's webapps remember a session's. Without it every call checks the password
 * and reads the user's groups and tenants again: three database transactions before the call's own work,
 * on every poll of every client.
 *
 * <p>Only successes are remembered, and only as a salted hash of the password kept in this JVM: a wrong
 * password is always checked by the engine (so its failed-attempt lockout counts it) and forgets the
 * user's remembered login. A changed password, a removed user or a changed membership reaches
 * {@code /engine-rest} at most {@code timeToLive} later. A zero time to live checks every call.
 */
public class RememberingBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  /** More users than this and expired logins are dropped first; a flood of new users cannot grow the map. */
  static final int MAX_REMEMBERED = 10_000;

  private final Duration timeToLive;
  private final Clock clock;
  private final byte[] salt = new byte[32];
  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  private record Login(byte[] passwordHash, List<String> groups, List<String> tenants, Instant expires) {}

  public RememberingBasicAuthenticationProvider(Duration timeToLive, Clock clock) {
    this.timeToLive = timeToLive;
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    // Anything but a well-formed Basic header is left to Camunda's provider, which refuses it.
    BasicCredentials credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (credentials == null || timeToLive.isZero() || timeToLive.isNegative()) {
      return super.extractAuthenticatedUser(request, engine);
    }
    String key = engine.getName() + '\n' + credentials.user();
    byte[] hash = hash(credentials.password());
    Instant now = clock.instant();
    Login known = logins.get(key);
    if (known != null && now.isBefore(known.expires()) && MessageDigest.isEqual(known.passwordHash(), hash)) {
      return result(credentials.user(), known.groups(), known.tenants());
    }
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (!checked.isAuthenticated()) {
      logins.remove(key);
      return checked;
    }
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(credentials.user()).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(credentials.user()).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    if (logins.size() >= MAX_REMEMBERED) {
      logins.values().removeIf(login -> !now.isBefore(login.expires()));
      if (logins.size() >= MAX_REMEMBERED) {
        logins.clear();
      }
    }
    logins.put(key, new Login(hash, groups, tenants, now.plus(timeToLive)));
    return result(credentials.user(), groups, tenants);
  }

  private static AuthenticationResult result(String user, List<String> groups, List<String> tenants) {
    AuthenticationResult result = AuthenticationResult.successful(user);
    // Copies: the filter hands these lists to the engine for this request only.
    result.setGroups(new ArrayList<>(groups));
    result.setTenants(new ArrayList<>(tenants));
    return result;
  }

  private byte[] hash(String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return digest.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
