package com.reservationdesk.usage.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.usage.UsageUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The live usage adapter's GET requests: a bearer token from the OAuth2 client (one new Partner Center token after a
 * 401), {@code Retry-After} after a 429, Partner Center's request and correlation ids, and failures turned into
 * {@link UsageUnavailableException}s that say which call failed and how. It logs the path, status and time, never a
 * query value, a token or a secret.
 */
final class UsageHttp {

  private static final Logger log = LoggerFactory.getLogger(UsageHttp.class);
  /** Reads amounts as written ({@code 7.2893157231780812}), not as the nearest double. */
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Waits between attempts; replaced in tests that would rather not sleep. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** An answer: status, headers, body (null when empty or not JSON). A status of 0 means Entra ID gave no token. */
  record Answer(int status, HttpHeaders headers, JsonNode body) {

    boolean ok() {
      return status / 100 == 2;
    }
  }

  private final RestClient partnerCenter;
  private final RestClient arm;
  private final Runnable forgetPartnerCenterToken;
  private final Function<String, String> armRegistration;
  private final LiveUsageProperties properties;
  private final Sleeper sleeper;

  /** @param armRegistration the OAuth2 client registration id for Azure Resource Manager in a customer's tenant */
  UsageHttp(RestClient partnerCenter, RestClient arm, Runnable forgetPartnerCenterToken, Function<String, String> armRegistration,
      LiveUsageProperties properties, Sleeper sleeper) {
    this.partnerCenter = partnerCenter;
    this.arm = arm;
    this.forgetPartnerCenterToken = forgetPartnerCenterToken;
    this.armRegistration = armRegistration;
    this.properties = properties;
    this.sleeper = sleeper;
  }

  /**
   * A Partner Center GET; answers with one of the {@code accepted} statuses (besides 2xx) are returned, any other
   * failure is thrown.
   */
  Answer partnerCenter(URI uri, Map<String, String> headers, String what, Set<Integer> accepted) {
    boolean tokenRenewed = false;
    int throttled = 0;
    String requestId = UUID.randomUUID().toString();
    while (true) {
      String correlationId = UUID.randomUUID().toString();
      Answer answer;
      try {
        answer = get(partnerCenter, uri, what, spec -> spec.header("MS-RequestId", requestId).header("MS-CorrelationId", correlationId)
            .headers(h -> headers.forEach(h::set)));
      } catch (OAuth2AuthorizationException e) {
        log.warn("No token for Partner Center from {}: {}", properties.effectiveTokenUri(), e.getError().getErrorCode());
        throw new UsageUnavailableException("Microsoft Entra ID gave no token for Partner Center (" + e.getError().getErrorCode()
            + "); check the usage adapter's tenant, client id and secret (RESERVATION_DESK_USAGE_* or RESERVATION_DESK_PC_*)", e);
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
      throw new UsageUnavailableException("Partner Center answered " + answer.status() + (code.isEmpty() ? "" : " (error " + code + ")")
          + " to " + what + (description.isEmpty() ? "" : ": " + description) + " (MS-CorrelationId " + correlationId + ")", null);
    }
  }

  /**
   * An Azure Resource Manager GET with a token of the customer's tenant. 2xx, 401 and 403 are returned; a tenant that
   * gives no token (the app is not consented there) answers status 0; any other failure is thrown.
   */
  Answer arm(URI uri, String tenantId, String what) {
    int throttled = 0;
    while (true) {
      Answer answer;
      try {
        answer = get(arm, uri, what, spec -> spec.attributes(RequestAttributeClientRegistrationIdResolver.clientRegistrationId(
            armRegistration.apply(tenantId))));
      } catch (OAuth2AuthorizationException e) {
        log.info("No Azure Resource Manager token for tenant {}: {} (the partner's app has no access there)", tenantId,
            e.getError().getErrorCode());
        return new Answer(0, HttpHeaders.EMPTY, null);
      }
      if (answer.ok() || answer.status() == 401 || answer.status() == 403) {
        return answer;
      }
      if (answer.status() == 429 && mayWait(answer, throttled++)) {
        continue;
      }
      JsonNode error = answer.body() == null ? null : answer.body().path("error");
      String code = error == null ? "" : error.path("code").asText("");
      String message = error == null ? "" : error.path("message").asText("");
      throw new UsageUnavailableException("Azure Resource Manager answered " + answer.status() + (code.isEmpty() ? "" : " (" + code + ")")
          + " to " + what + (message.isEmpty() ? "" : ": " + message), null);
    }
  }

  private Answer get(RestClient client, URI uri, String what, Consumer<RestClient.RequestHeadersSpec<?>> customizer) {
    long started = System.nanoTime();
    try {
      RestClient.RequestHeadersSpec<?> request = client.get().uri(uri).accept(MediaType.APPLICATION_JSON);
      customizer.accept(request);
      Answer answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
          HttpHeaders.readOnlyHttpHeaders(res.getHeaders()), parse(res.getBody().readAllBytes())));
      log.debug("{} -> {} in {} ms", what, answer.status(), millis(started));
      return answer;
    } catch (ResourceAccessException e) {
      log.warn("{} did not answer after {} ms: {}", what, millis(started), rootMessage(e));
      throw new UsageUnavailableException(what + " did not answer (" + rootMessage(e) + ")", e);
    }
  }

  private boolean mayWait(Answer answer, int waitsSoFar) {
    Duration wait = retryAfter(answer.headers());
    if (waitsSoFar >= properties.maxThrottledRetries() || wait.compareTo(properties.maxRetryAfter()) > 0) {
      return false;
    }
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageUnavailableException("Interrupted while waiting for a Retry-After", e);
    }
  }

  /** {@code Retry-After} in seconds; 1 s when absent or not a number. */
  static Duration retryAfter(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    try {
      return value == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  private JsonNode parse(byte[] bytes) {
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
