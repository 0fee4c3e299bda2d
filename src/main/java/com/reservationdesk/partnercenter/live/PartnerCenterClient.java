package com.reservationdesk.partnercenter.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.PartnerCenterUnavailableException;
import com.reservationdesk.partnercenter.live.wire.ErrorJson;
import com.reservationdesk.partnercenter.live.wire.PageJson;
import com.reservationdesk.partnercenter.live.wire.PartnerCenterJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Partner Center REST API's manners, for every call of the live adapter: the headers
 * ({@code MS-RequestId} kept for every attempt of one logical call, {@code MS-CorrelationId} new per
 * attempt, {@code X-Locale}), one new token after a 401, {@code Retry-After} after a 429, paging with
 * {@code MS-ContinuationToken}, bodies read and written as the records of {@code live.wire}, and the error body turned
 * into the domain's exceptions.
 *
 * <p>It logs the method, the path template, the status, the time and both ids; never a query value, a
 * body, a token or a secret.
 */
final class PartnerCenterClient {

  private static final Logger log = LoggerFactory.getLogger(PartnerCenterClient.class);

  static final String REQUEST_ID = "MS-RequestId";
  static final String CORRELATION_ID = "MS-CorrelationId";
  static final String LOCALE = "X-Locale";
  static final String CONTINUATION_TOKEN = "MS-ContinuationToken";

  /** Waits between attempts; replaced in tests that would rather not sleep. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RestClient rest;
  private final LivePartnerCenterProperties properties;
  private final Runnable forgetToken;
  private final Sleeper sleeper;
  private final ObjectMapper json = PartnerCenterJson.MAPPER;

  PartnerCenterClient(RestClient rest, LivePartnerCenterProperties properties, Runnable forgetToken, Sleeper sleeper) {
    this.rest = rest;
    this.properties = properties;
    this.forgetToken = forgetToken;
    this.sleeper = sleeper;
  }

  /** A call to build: path template with its variables, query parameters, body, request id. */
  static Call call(HttpMethod method, String pathTemplate, Object... pathVariables) {
    return new Call(method, pathTemplate, pathVariables);
  }

  static final class Call {
    private final HttpMethod method;
    private final String pathTemplate;
    private final Object[] pathVariables;
    private final Map<String, String> query = new LinkedHashMap<>();
    private byte[] body;
    private String requestId;

    private Call(HttpMethod method, String pathTemplate, Object[] pathVariables) {
      this.method = method;
      this.pathTemplate = pathTemplate;
      this.pathVariables = pathVariables;
    }

    Call query(String name, Object value) {
      if (value != null && !value.toString().isEmpty()) {
        query.put(name, value.toString());
      }
      return this;
    }

    /** A wire record, written by the same JSON settings that read the answers. */
    Call body(Object body) {
      try {
        this.body = PartnerCenterJson.MAPPER.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot write " + describe() + "'s body", e);
      }
      return this;
    }

    /** The API's idempotency key: the caller's, when a retry of the same business step must be recognised. */
    Call requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    String describe() {
      return method.name() + " " + pathTemplate;
    }
  }

  /** A call whose answer has no body the product reads (202, 204, a health check). */
  void send(Call call) {
    exchange(call, uri(call), Map.of(), requestId(call));
  }

  /** The answer's body, or null for an empty one. */
  <T> T send(Call call, Class<T> type) {
    return read(call, exchange(call, uri(call), Map.of(), requestId(call)), json.constructType(type));
  }

  /** The answer's body, or null for an empty one. */
  <T> T send(Call call, TypeReference<T> type) {
    return read(call, exchange(call, uri(call), Map.of(), requestId(call)), json.constructType(type));
  }

  /** Every item of a collection, following {@code links.next} with its continuation token, up to {@code max}. */
  <T> List<T> items(Call call, Class<T> itemType, int max) {
    JavaType pageType = json.getTypeFactory().constructParametricType(PageJson.class, itemType);
    List<T> items = new ArrayList<>();
    URI uri = uri(call);
    Map<String, String> headers = Map.of();
    String requestId = requestId(call);
    for (int page = 0; page < 1_000; page++) {
      PageJson<T> body = read(call, exchange(call, uri, headers, requestId), pageType);
      if (body != null && body.items() != null) {
        for (T item : body.items()) {
          if (items.size() >= max) {
            return items;
          }
          items.add(item);
        }
      }
      PageJson.Next next = body == null ? null : body.next();
      if (next == null || items.size() >= max) {
        return items;
      }
      uri = resolve(next.uri());
      Map<String, String> nextHeaders = new LinkedHashMap<>();
      if (next.headers() != null) {
        next.headers().forEach(h -> nextHeaders.put(h.key(), h.value()));
      }
      headers = nextHeaders;
      requestId = UUID.randomUUID().toString();
    }
    throw new PartnerCenterUnavailableException(0, "Partner Center kept answering " + call.describe() + " with more pages", null);
  }

  private static String requestId(Call call) {
    return call.requestId == null ? UUID.randomUUID().toString() : call.requestId;
  }

  private record Answer(int status, HttpHeaders headers, byte[] body) {}

  private Answer exchange(Call call, URI uri, Map<String, String> extraHeaders, String requestId) {
    boolean tokenRenewed = false;
    int throttled = 0;
    while (true) {
      String correlationId = UUID.randomUUID().toString();
      long started = System.nanoTime();
      Answer answer;
      try {
        RestClient.RequestBodySpec request = rest.method(call.method).uri(uri)
            .accept(MediaType.APPLICATION_JSON)
            .header(REQUEST_ID, requestId)
            .header(CORRELATION_ID, correlationId)
            .header(LOCALE, properties.locale())
            .headers(h -> extraHeaders.forEach(h::set));
        if (call.body != null) {
          request.contentType(MediaType.APPLICATION_JSON).body(call.body);
        }
        answer = request.exchange((req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          return new Answer(res.getStatusCode().value(), HttpHeaders.readOnlyHttpHeaders(res.getHeaders()), bytes);
        });
      } catch (ResourceAccessException e) {
        log.warn("Partner Center {} did not answer after {} ms: {} ({} {}, {} {})", call.describe(), millis(started),
            rootMessage(e), REQUEST_ID, requestId, CORRELATION_ID, correlationId);
        throw new PartnerCenterUnavailableException(0, "Partner Center did not answer in time; try again in a minute ("
            + call.describe() + ": " + rootMessage(e) + ", " + CORRELATION_ID + " " + correlationId + ")", e);
      } catch (OAuth2AuthorizationException e) {
        log.warn("No token for Partner Center from {}: {}", properties.effectiveTokenUri(), e.getError().getErrorCode());
        String why = e.getError().getDescription() == null ? "" : ": " + abbreviate(e.getError().getDescription(), 300);
        throw new PartnerCenterUnavailableException(401, "Microsoft Entra ID gave no token for Partner Center ("
            + e.getError().getErrorCode() + why + "). Check RESERVATION_DESK_PC_TENANT_ID, RESERVATION_DESK_PC_CLIENT_ID and "
            + "RESERVATION_DESK_PC_CLIENT_SECRET", e);
      }
      int status = answer.status();
      if (status / 100 == 2) {
        if (call.method == HttpMethod.GET) {
          log.debug("Partner Center {} -> {} in {} ms ({} {}, {} {})", call.describe(), status, millis(started),
              REQUEST_ID, requestId, CORRELATION_ID, correlationId);
        } else {
          log.info("Partner Center {} -> {} in {} ms ({} {}, {} {})", call.describe(), status, millis(started),
              REQUEST_ID, requestId, CORRELATION_ID, correlationId);
        }
        return answer;
      }
      ErrorJson error = errorBody(answer);
      log.warn("Partner Center {} -> {} {} in {} ms ({} {}, {} {})", call.describe(), status, error == null || error.code() == null ? ""
          : error.code(), millis(started), REQUEST_ID, requestId, CORRELATION_ID, correlationId);
      if (status == 401 && !tokenRenewed) {
        // The token expired or was revoked: one new token, the same request again.
        tokenRenewed = true;
        forgetToken.run();
        continue;
      }
      if (status == 429) {
        Duration wait = retryAfter(answer.headers());
        if (throttled < properties.maxThrottledRetries() && wait.compareTo(properties.maxRetryAfter()) <= 0) {
          throttled++;
          pause(wait);
          continue;
        }
        throw new PartnerCenterUnavailableException(429, "Partner Center is busy (throttling); try again in a minute ("
            + call.describe() + ": Retry-After " + wait.toSeconds() + " s, " + throttled + " waits already)", null);
      }
      throw error(call, answer.status(), error, correlationId);
    }
  }

  private PartnerCenterException error(Call call, int status, ErrorJson body, String correlationId) {
    String code = body == null || body.code() == null ? "" : body.code();
    String description = body == null || body.description() == null ? "" : body.description();
    if (!code.isEmpty()) {
      return new PartnerCenterException(status, code, description.isEmpty() ? "Partner Center refused " + call.describe() : description);
    }
    if (status == 404) {
      return PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, call.describe());
    }
    if (status >= 500 || status == 408) {
      return new PartnerCenterUnavailableException(status, "Partner Center failed; try again in a minute (" + call.describe()
          + ", " + CORRELATION_ID + " " + correlationId + ")", null);
    }
    if (status == 401 || status == 403) {
      return new PartnerCenterException(status, String.valueOf(status), "Partner Center refused the app's token for "
          + call.describe() + ": check the app registration's API permissions and consent");
    }
    return new PartnerCenterException(status, String.valueOf(status), "Partner Center refused " + call.describe());
  }

  /** A successful answer's body; one that is not the documented JSON is technical, like no answer. */
  private <T> T read(Call call, Answer answer, JavaType type) {
    if (answer.body().length == 0) {
      return null;
    }
    try {
      return json.readValue(answer.body(), type);
    } catch (IOException e) {
      // Without the parser's exception: its message quotes the body, which is never logged.
      throw new PartnerCenterUnavailableException(answer.status(), "Partner Center's answer could not be read; try again in a minute ("
          + call.describe() + ")", null);
    }
  }

  private ErrorJson errorBody(Answer answer) {
    if (answer.body().length == 0) {
      return null;
    }
    try {
      return json.readValue(answer.body(), ErrorJson.class);
    } catch (IOException e) {
      // An HTML error page from a proxy, say: no body worth reading.
      return null;
    }
  }

  /** {@code Retry-After} in seconds or as an HTTP date; 1 s when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Duration.ofSeconds(1);
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException unreadable) {
        return Duration.ofSeconds(1);
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PartnerCenterUnavailableException(429, "Interrupted while waiting for Partner Center's Retry-After", e);
    }
  }

  private URI uri(Call call) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromUri(properties.baseUrl()).path(call.pathTemplate);
    // Path variables and query values are expanded as values, in order, so braces, quotes and '&' in them are encoded.
    List<Object> values = new ArrayList<>(List.of(call.pathVariables));
    int q = 0;
    for (Map.Entry<String, String> parameter : call.query.entrySet()) {
      builder.queryParam(parameter.getKey(), "{q" + q++ + "}");
      values.add(parameter.getValue());
    }
    return builder.encode().buildAndExpand(values.toArray()).toUri();
  }

  /** A {@code links.next.uri}: absolute, or relative to the API's host (with or without the base path). */
  URI resolve(String next) {
    URI base = properties.baseUrl();
    if (next.startsWith("http://") || next.startsWith("https://")) {
      return URI.create(next);
    }
    String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
    String path = next.startsWith("/") ? next : "/" + next;
    if (!basePath.isEmpty() && !path.startsWith(basePath + "/")) {
      path = basePath + path;
    }
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
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
