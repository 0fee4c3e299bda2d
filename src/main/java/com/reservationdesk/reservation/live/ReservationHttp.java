package com.reservationdesk.reservation.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.reservation.NoTenantAccessException;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The live reservation adapter's requests: a bearer token from the OAuth2 client (one new Partner Center token after a
 * 401), {@code Retry-After} after a 429, Partner Center's request and correlation ids, and failures turned into
 * exceptions that say which call failed and how. A customer's tenant that gives no token, or answers 401 or 403, is
 * {@link NoTenantAccessException}. It logs the path, status and time, never a query value, a token or a secret.
 */
final class ReservationHttp {

  private static final Logger log = LoggerFactory.getLogger(ReservationHttp.class);
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Waits between attempts; replaced in tests that would rather not sleep. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** An answer: status, headers, body (null when empty or not JSON). */
  record Answer(int status, HttpHeaders headers, JsonNode body) {

    boolean ok() {
      return status / 100 == 2;
    }
  }

  private final RestClient partnerCenter;
  private final RestClient arm;
  private final Runnable forgetPartnerCenterToken;
  private final Function<String, String> armRegistration;
  private final LiveReservationProperties properties;
  private final Sleeper sleeper;

  ReservationHttp(RestClient partnerCenter, RestClient arm, Runnable forgetPartnerCenterToken, Function<String, String> armRegistration,
      LiveReservationProperties properties, Sleeper sleeper) {
    this.partnerCenter = partnerCenter;
    this.arm = arm;
    this.forgetPartnerCenterToken = forgetPartnerCenterToken;
    this.armRegistration = armRegistration;
    this.properties = properties;
    this.sleeper = sleeper;
  }

  /** A Partner Center GET; an answer with one of the {@code accepted} statuses (besides 2xx) is returned, any other failure thrown. */
  Answer partnerCenter(URI uri, String continuationToken, String what, Set<Integer> accepted) {
    boolean tokenRenewed = false;
    int throttled = 0;
    String requestId = UUID.randomUUID().toString();
    while (true) {
      String correlationId = UUID.randomUUID().toString();
      Answer answer;
      try {
        RestClient.RequestHeadersSpec<?> request = partnerCenter.get().uri(uri).accept(MediaType.APPLICATION_JSON)
            .header("MS-RequestId", requestId).header("MS-CorrelationId", correlationId);
        if (continuationToken != null) {
          request.header("MS-ContinuationToken", continuationToken);
        }
        answer = exchange(request, what);
      } catch (OAuth2AuthorizationException e) {
        log.warn("No token for Partner Center from {}: {}", properties.effectiveTokenUri(), e.getError().getErrorCode());
        throw new ReservationsUnavailableException("Microsoft Entra ID gave no token for Partner Center (" + e.getError().getErrorCode()
            + "); check the reservations adapter's tenant, client id and secret (RESERVATION_DESK_RESERVATIONS_* or RESERVATION_DESK_PC_*)",
            e);
      }
      if (answer.ok() || accepted.contains(answer.status())) {
        return answer;
      }
      if (answer.status() == 401 && !tokenRenewed) {
        tokenRenewed = true;
        forgetPartnerCenterToken.run();
        continue;
      }
      if (answer.status() == 429 && mayWait(answer, throttled++)) {
        continue;
      }
      String code = answer.body() == null ? "" : answer.body().path("code").asText("");
      String description = answer.body() == null ? "" : answer.body().path("description").asText("");
      throw new ReservationsUnavailableException("Partner Center answered " + answer.status() + (code.isEmpty() ? "" : " (error " + code
          + ")") + " to " + what + (description.isEmpty() ? "" : ": " + description) + " (MS-CorrelationId " + correlationId + ")", null);
    }
  }

  /**
   * An Azure Resource Manager request with a token of the customer's tenant. 2xx and the {@code accepted} statuses are
   * returned; no token, 401 and 403 are {@link NoTenantAccessException}; a 429 waits its {@code Retry-After}; any other
   * failure is thrown.
   */
  Answer arm(HttpMethod method, URI uri, String tenantId, Object body, String what, Set<Integer> accepted) {
    return arm(method, uri, tenantId, body, java.util.Map.of(), what, accepted);
  }

  /** The same, with headers of the caller's ({@code x-ms-client-request-id}). */
  Answer arm(HttpMethod method, URI uri, String tenantId, Object body, java.util.Map<String, String> headers, String what,
      Set<Integer> accepted) {
    requireArmHost(uri, what);
    int throttled = 0;
    while (true) {
      Answer answer;
      try {
        RestClient.RequestBodySpec request = arm.method(method).uri(uri).accept(MediaType.APPLICATION_JSON)
            .attributes(RequestAttributeClientRegistrationIdResolver.clientRegistrationId(armRegistration.apply(tenantId)));
        headers.forEach(request::header);
        if (body != null) {
          request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
        }
        answer = exchange(request, what);
      } catch (OAuth2AuthorizationException e) {
        log.info("No Azure Resource Manager token for tenant {}: {}", tenantId, e.getError().getErrorCode());
        throw new NoTenantAccessException(tenantId, "its tenant gives the partner's app no token (" + e.getError().getErrorCode() + ")");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      if (answer.ok() || accepted.contains(answer.status())) {
        return answer;
      }
      if (answer.status() == 401 || answer.status() == 403) {
        throw new NoTenantAccessException(tenantId, "Azure answered " + answer.status() + errorOf(answer) + " to " + what);
      }
      if (answer.status() == 429 && mayWait(answer, throttled++)) {
        continue;
      }
      throw new ReservationsUnavailableException("Azure Resource Manager answered " + answer.status() + errorOf(answer) + " to " + what,
          null);
    }
  }

  /** The bearer token goes with the request: never to a host other than Azure Resource Manager's. */
  URI requireArmHost(URI uri, String what) {
    if (!properties.armUrl().getRawAuthority().equalsIgnoreCase(uri.getRawAuthority())) {
      throw new ReservationsUnavailableException(what + " points to another host (" + uri.getHost() + "); not followed", null);
    }
    return uri;
  }

  void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReservationsUnavailableException("Interrupted while waiting for Azure", e);
    }
  }

  private Answer exchange(RestClient.RequestHeadersSpec<?> request, String what) {
    long started = System.nanoTime();
    try {
      Answer answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
          HttpHeaders.readOnlyHttpHeaders(res.getHeaders()), parse(res.getBody().readAllBytes())));
      log.debug("{} -> {} in {} ms", what, answer.status(), millis(started));
      return answer;
    } catch (ResourceAccessException e) {
      log.warn("{} did not answer after {} ms: {}", what, millis(started), rootMessage(e));
      throw new ReservationsUnavailableException(what + " did not answer (" + rootMessage(e) + ")", e);
    }
  }

  private boolean mayWait(Answer answer, int waitsSoFar) {
    Duration wait = retryAfter(answer.headers(), Duration.ofSeconds(1));
    if (waitsSoFar >= properties.maxThrottledRetries() || wait.compareTo(properties.maxRetryAfter()) > 0) {
      return false;
    }
    sleep(wait);
    return true;
  }

  /** {@code Retry-After} in seconds; the fallback when absent or not a number. */
  static Duration retryAfter(HttpHeaders headers, Duration fallback) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    try {
      return value == null ? fallback : Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String errorOf(Answer answer) {
    JsonNode error = answer.body() == null ? null : answer.body().path("error");
    String code = error == null ? "" : error.path("code").asText("");
    String message = error == null ? "" : error.path("message").asText("");
    return (code.isEmpty() ? "" : " (" + code + ")") + (message.isEmpty() ? "" : ": " + message);
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
