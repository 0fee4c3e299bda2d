package com.reservationdesk.engine.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

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

  /** More users than this and the least recently used logins are dropped: a flood of new users cannot grow it. */
  static final int MAX_REMEMBERED = 10_000;

  private final Duration timeToLive;
  private final byte[] salt = new byte[32];
  private final Cache<String, Login> logins;
  private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

  private record Login(byte[] passwordHash, List<String> groups, List<String> tenants) {}

  public RememberingBasicAuthenticationProvider(Duration timeToLive, Clock clock) {
    this.timeToLive = timeToLive;
    new SecureRandom().nextBytes(salt);
    this.logins = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
        .expireAfterWrite(timeToLive.isNegative() ? Duration.ZERO : timeToLive)
        .ticker(() -> clock.millis() * 1_000_000L).build();
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    // Anything but a well-formed Basic header is left to Camunda's provider, which refuses it.
    UsernamePasswordAuthenticationToken credentials = credentials(request);
    if (credentials == null || timeToLive.isZero() || timeToLive.isNegative()) {
      return super.extractAuthenticatedUser(request, engine);
    }
    String user = credentials.getName();
    String key = engine.getName() + '\n' + user;
    byte[] hash = hash(credentials.getCredentials().toString());
    Login known = logins.getIfPresent(key);
    if (known != null && MessageDigest.isEqual(known.passwordHash(), hash)) {
      return result(user, known.groups(), known.tenants());
    }
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (!checked.isAuthenticated()) {
      logins.invalidate(key);
      return checked;
    }
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    logins.put(key, new Login(hash, groups, tenants));
    return result(user, groups, tenants);
  }

  private UsernamePasswordAuthenticationToken credentials(HttpServletRequest request) {
    try {
      UsernamePasswordAuthenticationToken token = basic.convert(request);
      return token == null || token.getName().isEmpty() ? null : token;
    } catch (RuntimeException malformed) {
      return null;
    }
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
