package com.reservationdesk.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** A remembered REST login: what it saves, and what it must never do. */
@AppTest
class RememberingBasicAuthenticationProviderTest {

  static final String USER = "rememberedagent";

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  Instant now = Instant.parse("2026-11-24T09:00:00Z");
  final Clock clock = new Clock() {
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @BeforeEach
  void createAgent() {
    User user = identity.newUser(USER);
    user.setPassword("first-secret");
    identity.saveUser(user);
    identity.createMembership(USER, "agents");
  }

  @AfterEach
  void deleteAgent() {
    identity.deleteUser(USER);
  }

  @Test
  void aLoginIsRememberedWithItsGroupsUntilItExpires() {
    var provider = new RememberingBasicAuthenticationProvider(Duration.ofMinutes(1), clock);
    assertThat(login(provider, "first-secret").getGroups()).containsExactly("agents");

    changePassword("second-secret");
    now = now.plusSeconds(59);
    AuthenticationResult remembered = login(provider, "first-secret");
    assertThat(remembered.isAuthenticated()).isTrue();
    assertThat(remembered.getGroups()).containsExactly("agents");

    now = now.plusSeconds(2);
    assertThat(login(provider, "second-secret").isAuthenticated()).as("after a minute the engine checks again").isTrue();
    assertThat(login(provider, "first-secret").isAuthenticated()).isFalse();
  }

  @Test
  void aWrongPasswordIsNeverAcceptedAndForgetsTheRememberedLogin() {
    var provider = new RememberingBasicAuthenticationProvider(Duration.ofMinutes(1), clock);
    assertThat(login(provider, "first-secret").isAuthenticated()).isTrue();
    assertThat(login(provider, "first-secret-").isAuthenticated()).isFalse();
    assertThat(login(provider, "").isAuthenticated()).isFalse();

    identity.unlockUser(USER);
    changePassword("second-secret");
    assertThat(login(provider, "first-secret").isAuthenticated()).as("forgotten: checked by the engine again").isFalse();
  }

  @Test
  void aZeroTimeToLiveChecksEveryCall() {
    var provider = new RememberingBasicAuthenticationProvider(Duration.ZERO, clock);
    assertThat(login(provider, "first-secret").isAuthenticated()).isTrue();
    changePassword("second-secret");
    assertThat(login(provider, "first-secret").isAuthenticated()).isFalse();
  }

  @Test
  void engineRestUsesItAndStillRefusesStrangers() {
    assertThat(rest.withBasicAuth(USER, "first-secret").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(USER, "first-secret").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(USER, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", "first-secret").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private AuthenticationResult login(RememberingBasicAuthenticationProvider provider, String password) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return provider.extractAuthenticatedUser(request, engine);
  }

  private void changePassword(String password) {
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }
}
