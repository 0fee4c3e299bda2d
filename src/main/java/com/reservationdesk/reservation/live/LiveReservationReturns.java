package com.reservationdesk.reservation.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ExchangeQuote;
import com.reservationdesk.reservation.NewReservation;
import com.reservationdesk.reservation.RefundQuote;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import com.reservationdesk.reservation.ReturnLine;
import com.reservationdesk.reservation.ReturnOperation;
import com.reservationdesk.reservation.live.wire.CapacityJson;
import com.reservationdesk.reservation.live.wire.CapacityJson.ExchangeOperationResult;
import com.reservationdesk.reservation.live.wire.CapacityJson.PolicyError;
import com.reservationdesk.reservation.live.wire.CapacityJson.Price;
import com.reservationdesk.reservation.live.wire.CapacityJson.RefundResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Returns and exchanges at Azure Resource Manager, with a token of the customer's tenant (the app needs the Reservations
 * Administrator role there), api-version 2022-11-01:
 *
 * <ul>
 *   <li>{@code POST /providers/Microsoft.Capacity/reservationOrders/{orderId}/calculateRefund}, then
 *       {@code …/return} with the quote's session: 202 with a {@code Location} to poll;
 *   <li>{@code POST /providers/Microsoft.Capacity/calculateExchange}: a long-running operation followed here through its
 *       {@code Azure-AsyncOperation} (waiting its {@code Retry-After}, at most {@code max-polls} looks) to its result;
 *       then {@code POST /providers/Microsoft.Capacity/exchange} with the session: 202 with an
 *       {@code Azure-AsyncOperation} to poll.
 * </ul>
 *
 * Before anything reaches Azure, Partner Center's entitlements say the customer is the partner's and owns the reservation
 * orders named ({@link LiveReservationInventory#entitlements}), so a token of one customer's tenant is never used for
 * another's reservations. The request id goes as {@code x-ms-client-request-id}; Azure's session is single-use, so a retry
 * never returns twice. An operation's id is the address Azure gave (on Azure Resource Manager's host only). Azure's error
 * codes become refusals ({@link #REFUSALS}); where its documentation names none (a stale session, an exchange below the
 * refund), the codes are the fake's ({@code InvalidSessionId}, {@value #EXCHANGE_BELOW_REFUND}) and the figures decide too.
 */
public class LiveReservationReturns implements ReservationReturns {

  /** The policy error of an exchange whose new commitment is below the refund. */
  static final String EXCHANGE_BELOW_REFUND = "ExchangeRefundExceedsPurchase";

  /** Azure's error codes (ErrorResponseCode of the specification, and a few of the fake's) that an agent can act on. */
  static final Map<String, Refusal> REFUSALS = Map.ofEntries(
      Map.entry("InvalidRefundQuantity", Refusal.QUANTITY_NOT_OWNED),
      Map.entry("OperationCannotBePerformedInCurrentState", Refusal.RESERVATION_NOT_RETURNABLE),
      Map.entry("ReservationOrderNotFound", Refusal.RESERVATION_NOT_FOUND),
      Map.entry("ReservationNotFound", Refusal.RESERVATION_NOT_FOUND),
      Map.entry("InvalidReservationId", Refusal.RESERVATION_NOT_FOUND),
      Map.entry("InvalidReservationOrderId", Refusal.RESERVATION_NOT_FOUND),
      Map.entry("ReservationIdNotInReservationOrder", Refusal.RESERVATION_NOT_FOUND),
      Map.entry("RefundLimitExceeded", Refusal.REFUND_POLICY),
      Map.entry("SelfServiceRefundNotSupported", Refusal.REFUND_POLICY),
      Map.entry("InvalidSubscriptionId", Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION),
      Map.entry("AppliedScopesNotAssociatedWithCommerceAccount", Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION),
      Map.entry("InvalidFulfillmentRequestParameters", Refusal.PURCHASE_NOT_AVAILABLE),
      Map.entry("InvalidLocationId", Refusal.PURCHASE_NOT_AVAILABLE),
      Map.entry("UnsupportedReservationTerm", Refusal.PURCHASE_NOT_AVAILABLE),
      Map.entry("InvalidSessionId", Refusal.QUOTE_SESSION_INVALID),
      Map.entry("OperationNotFound", Refusal.OPERATION_NOT_FOUND),
      Map.entry(EXCHANGE_BELOW_REFUND, Refusal.EXCHANGE_BELOW_RETURNED_VALUE));
  private static final Set<Integer> REFUSED = Set.of(400, 404, 409);
  private static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

  private final LiveReservationInventory inventory;
  private final ReservationHttp http;
  private final LiveReservationProperties properties;

  LiveReservationReturns(LiveReservationInventory inventory) {
    this.inventory = inventory;
    this.http = inventory.http();
    this.properties = inventory.properties();
  }

  @Override
  public RefundQuote quoteReturn(String customerId, ReturnLine line) {
    String customer = owning(customerId, List.of(line));
    String what = "POST /providers/Microsoft.Capacity/reservationOrders/{orderId}/calculateRefund";
    var body = new CapacityJson.CalculateRefundRequest("/providers/microsoft.capacity/reservationOrders/" + line.reservationOrderId(),
        new CapacityJson.CalculateRefundRequestProperties(CapacityJson.SCOPE_RESERVATION, toReturn(line)));
    ReservationHttp.Answer answer = http.arm(HttpMethod.POST, orderUri(line.reservationOrderId(), "calculateRefund"), customer, body, what,
        REFUSED);
    var properties = read(refused(answer, Refusal.RESERVATION_NOT_FOUND), RefundResponse.class, what).properties();
    if (properties == null) {
      throw new ReservationsUnavailableException("Azure answered " + what + " without properties", null);
    }
    var policy = properties.policyResult() == null || properties.policyResult().properties() == null
        ? new CapacityJson.RefundPolicyResultProperties(null, null, List.of()) : properties.policyResult().properties();
    List<String> errors = texts(policy.policyErrors());
    return new RefundQuote(errors.isEmpty() ? properties.sessionId() : null, line, money(properties.billingRefundAmount(), what),
        money(properties.pricingRefundAmount(), what), money(policy.consumedRefundsTotal(), what), money(policy.maxRefundLimit(), what),
        errors);
  }

  @Override
  public ReturnOperation startReturn(String customerId, ReturnLine line, String sessionId, String reason, String requestId) {
    String customer = owning(customerId, List.of(line));
    requireSession(sessionId);
    String what = "POST /providers/Microsoft.Capacity/reservationOrders/{orderId}/return";
    var body = new CapacityJson.RefundRequest(new CapacityJson.RefundRequestProperties(sessionId, CapacityJson.SCOPE_RESERVATION,
        toReturn(line), reason));
    ReservationHttp.Answer answer = http.arm(HttpMethod.POST, orderUri(line.reservationOrderId(), "return"), customer, body,
        Map.of(CLIENT_REQUEST_ID, requestId(requestId)), what, REFUSED);
    refused(answer, Refusal.RESERVATION_NOT_FOUND);
    String operation = operationAddress(answer.headers());
    if (answer.status() == 202 && operation != null) {
      return new ReturnOperation(operation, ReturnOperation.Status.RUNNING, null, List.of());
    }
    // Done at once (or nothing to follow): the reservation order itself is what a later look reads.
    return new ReturnOperation(operation != null ? operation : orderUri(line.reservationOrderId(), null).toString(),
        ReturnOperation.Status.SUCCEEDED, null, List.of());
  }

  @Override
  public ExchangeQuote quoteExchange(String customerId, List<ReturnLine> returns, List<NewReservation> purchases) {
    if (returns == null || returns.isEmpty() || purchases == null || purchases.isEmpty()) {
      throw new IllegalArgumentException("An exchange returns at least one reservation and buys at least one");
    }
    String customer = owning(customerId, returns);
    String what = "POST /providers/Microsoft.Capacity/calculateExchange";
    var body = new CapacityJson.CalculateExchangeRequest(new CapacityJson.CalculateExchangeRequestProperties(
        purchases.stream().map(LiveReservationReturns::purchase).toList(), returns.stream().map(LiveReservationReturns::toReturn).toList()));
    ReservationHttp.Answer answer = http.arm(HttpMethod.POST, capacityUri("calculateExchange"), customer, body, what, REFUSED);
    refused(answer, Refusal.RESERVATION_NOT_FOUND);
    ExchangeOperationResult result = answer.status() == 202 ? follow(answer, customer, "calculateExchange")
        : read(answer, ExchangeOperationResult.class, what);
    if (!"Succeeded".equalsIgnoreCase(result.status()) || result.properties() == null) {
      throw new ReservationsUnavailableException("Azure's calculateExchange ended " + result.status()
          + (result.error() == null ? "" : ": " + result.error().message()), null);
    }
    var p = result.properties();
    List<PolicyError> policyErrors = p.policyResult() == null || p.policyResult().policyErrors() == null ? List.of()
        : p.policyResult().policyErrors();
    for (PolicyError error : policyErrors) {
      if (EXCHANGE_BELOW_REFUND.equals(error.code())) {
        throw new ReservationRefusedException(Refusal.EXCHANGE_BELOW_RETURNED_VALUE, error.message());
      }
    }
    Money refunds = money(p.refundsTotal(), what);
    Money purchased = money(p.purchasesTotal(), what);
    if (refunds != null && purchased != null && purchased.amount().compareTo(refunds.amount()) < 0) {
      throw new ReservationRefusedException(Refusal.EXCHANGE_BELOW_RETURNED_VALUE, "new commitment " + purchased + ", refund " + refunds);
    }
    List<String> errors = texts(policyErrors);
    return new ExchangeQuote(errors.isEmpty() ? p.sessionId() : null, refunds, purchased, money(p.netPayable(), what), returns, purchases,
        errors);
  }

  @Override
  public ReturnOperation startExchange(String customerId, String sessionId, String requestId) {
    String customer = owning(customerId, List.of());
    requireSession(sessionId);
    String what = "POST /providers/Microsoft.Capacity/exchange";
    ReservationHttp.Answer answer = http.arm(HttpMethod.POST, capacityUri("exchange"), customer,
        new CapacityJson.ExchangeRequest(new CapacityJson.ExchangeRequestProperties(sessionId)), Map.of(CLIENT_REQUEST_ID, requestId(requestId)),
        what, REFUSED);
    refused(answer, Refusal.QUOTE_SESSION_INVALID);
    String operation = operationAddress(answer.headers());
    if (answer.status() == 202 && operation != null) {
      return new ReturnOperation(operation, ReturnOperation.Status.RUNNING, null, List.of());
    }
    ExchangeOperationResult result = read(answer, ExchangeOperationResult.class, what);
    return exchangeOperation(operation != null ? operation : String.valueOf(result.id()), result);
  }

  @Override
  public ReturnOperation operation(String customerId, String operationId) {
    String customer = owning(customerId, List.of());
    URI uri;
    try {
      uri = URI.create(operationId == null ? "" : operationId.trim());
    } catch (IllegalArgumentException e) {
      throw new ReservationRefusedException(Refusal.OPERATION_NOT_FOUND, operationId);
    }
    if (!uri.isAbsolute()) {
      throw new ReservationRefusedException(Refusal.OPERATION_NOT_FOUND, operationId);
    }
    String what = "GET the return's or exchange's operation";
    ReservationHttp.Answer answer = http.arm(HttpMethod.GET, http.requireArmHost(uri, what), customer, null, what, REFUSED);
    refused(answer, Refusal.OPERATION_NOT_FOUND);
    if (answer.body() != null && answer.body().hasNonNull("status")) {
      return exchangeOperation(operationId, read(answer, ExchangeOperationResult.class, what));
    }
    // A Location to poll: 202 while Azure works, then the result.
    return new ReturnOperation(operationId, answer.status() == 202 ? ReturnOperation.Status.RUNNING : ReturnOperation.Status.SUCCEEDED,
        null, List.of());
  }

  // --- helpers ---

  /** The customer, known to Partner Center and owning every reservation order named; refused otherwise. */
  private String owning(String customerId, List<ReturnLine> lines) {
    String customer = LiveReservationInventory.customerId(customerId);
    Map<String, LiveReservationInventory.Entitlement> entitlements = inventory.entitlements(customer);
    for (ReturnLine line : lines) {
      if (!entitlements.containsKey(line.reservationOrderId())) {
        throw new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, line.reservationOrderId() + "/" + line.reservationId());
      }
      if (line.quantity() < 1) {
        throw new ReservationRefusedException(Refusal.QUANTITY_NOT_OWNED, line.quantity() + " asked");
      }
    }
    return customer;
  }

  /** Follows an accepted calculation through its {@code Azure-AsyncOperation} until it is no longer pending. */
  private ExchangeOperationResult follow(ReservationHttp.Answer accepted, String customer, String name) {
    String address = operationAddress(accepted.headers());
    if (address == null) {
      throw new ReservationsUnavailableException("Azure accepted " + name + " without an operation to follow", null);
    }
    URI operation = http.requireArmHost(URI.create(address), name + "'s operation");
    HttpHeaders headers = accepted.headers();
    for (int poll = 0; poll < properties.maxPolls(); poll++) {
      http.sleep(ReservationHttp.retryAfter(headers, properties.pollInterval()));
      ReservationHttp.Answer answer = http.arm(HttpMethod.GET, operation, customer, null, "GET " + name + "'s operation", Set.of());
      headers = answer.headers();
      if (answer.status() != 202 && answer.body() != null) {
        ExchangeOperationResult result = read(answer, ExchangeOperationResult.class, name);
        if (result.status() != null && !"Pending".equalsIgnoreCase(result.status()) && !"InProgress".equalsIgnoreCase(result.status())) {
          return result;
        }
      }
    }
    throw new ReservationsUnavailableException("Azure had not finished " + name + " after " + properties.maxPolls()
        + " looks; ask for the quote again", null);
  }

  private static ReturnOperation exchangeOperation(String operationId, ExchangeOperationResult result) {
    String status = result.status() == null ? "" : result.status();
    if ("Succeeded".equalsIgnoreCase(status)) {
      List<String> orders = new ArrayList<>();
      if (result.properties() != null && result.properties().reservationsToPurchase() != null) {
        result.properties().reservationsToPurchase().forEach(p -> {
          if (p.reservationOrderId() != null) {
            orders.add(lastSegment(p.reservationOrderId()));
          }
        });
      }
      return new ReturnOperation(operationId, ReturnOperation.Status.SUCCEEDED, null, orders);
    }
    if ("Failed".equalsIgnoreCase(status) || "Cancelled".equalsIgnoreCase(status) || "Canceled".equalsIgnoreCase(status)) {
      return new ReturnOperation(operationId, ReturnOperation.Status.FAILED,
          result.error() == null ? status : result.error().code() + ": " + result.error().message(), List.of());
    }
    return new ReturnOperation(operationId, ReturnOperation.Status.RUNNING, null, List.of());
  }

  /** The answer when Azure took the request; a refusal Azure names becomes the agent's, any other one a failure. */
  private static ReservationHttp.Answer refused(ReservationHttp.Answer answer, Refusal whenNotFound) {
    if (answer.ok()) {
      return answer;
    }
    JsonNode error = answer.body() == null ? null : answer.body().path("error");
    String code = error == null ? "" : error.path("code").asText("");
    String message = error == null ? "" : error.path("message").asText("");
    Refusal refusal = REFUSALS.get(code);
    if (refusal == null && answer.status() == 404) {
      refusal = whenNotFound;
    }
    if (refusal == null) {
      throw new ReservationsUnavailableException("Azure Resource Manager answered " + answer.status() + (code.isEmpty() ? "" : " (" + code
          + ")") + (message.isEmpty() ? "" : ": " + message), null);
    }
    throw new ReservationRefusedException(refusal, "Azure: " + (message.isEmpty() ? code : message));
  }

  private static <T> T read(ReservationHttp.Answer answer, Class<T> type, String what) {
    if (answer.body() == null) {
      throw new ReservationsUnavailableException("Azure answered " + what + " with no body Reservation Desk can read", null);
    }
    try {
      return CapacityJson.MAPPER.treeToValue(answer.body(), type);
    } catch (JsonProcessingException e) {
      throw new ReservationsUnavailableException("Azure answered " + what + " with a body Reservation Desk cannot read", e);
    }
  }

  private static Money money(Price price, String what) {
    if (price == null || price.amount() == null || price.currencyCode() == null) {
      return null;
    }
    try {
      return new Money(price.amount(), price.currencyCode().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ReservationsUnavailableException("Azure answered " + what + " with an unknown currency " + price.currencyCode(), e);
    }
  }

  private static List<String> texts(List<PolicyError> errors) {
    return errors == null ? List.of() : errors.stream().map(PolicyError::text).toList();
  }

  private static CapacityJson.ReservationToReturn toReturn(ReturnLine line) {
    return new CapacityJson.ReservationToReturn(line.azureReservationId(), line.quantity());
  }

  private static CapacityJson.PurchaseRequest purchase(NewReservation r) {
    boolean single = r.scopeType() == AppliedScopeType.SINGLE;
    return new CapacityJson.PurchaseRequest(new CapacityJson.Sku(r.armSkuName()), r.region(), new CapacityJson.PurchaseRequestProperties(
        "VirtualMachines", "/subscriptions/" + r.subscriptionId(), r.term().iso(), r.billingPlan() == BillingPlan.MONTHLY ? "Monthly" : "Upfront",
        r.quantity(), r.displayName(), r.scopeType().azureName(), single ? List.of("/subscriptions/" + r.subscriptionId()) : null, false,
        new CapacityJson.ReservedResourceProperties("On")));
  }

  private static String operationAddress(HttpHeaders headers) {
    String async = headers.getFirst("Azure-AsyncOperation");
    return async != null ? async : headers.getFirst(HttpHeaders.LOCATION);
  }

  private static void requireSession(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      throw new ReservationRefusedException(Refusal.QUOTE_SESSION_INVALID, "no session: the quote had policy errors, or none was asked for");
    }
  }

  private static String requestId(String requestId) {
    if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
      throw new IllegalArgumentException("A return or exchange needs the caller's request id (1 to 100 characters), saved before the call");
    }
    return requestId;
  }

  private URI orderUri(String reservationOrderId, String action) {
    return UriComponentsBuilder.fromUri(properties.armUrl())
        .path("/providers/Microsoft.Capacity/reservationOrders/{orderId}" + (action == null ? "" : "/" + action))
        .queryParam("api-version", properties.capacityApiVersion()).encode().buildAndExpand(reservationOrderId).toUri();
  }

  private URI capacityUri(String action) {
    return UriComponentsBuilder.fromUri(properties.armUrl()).path("/providers/Microsoft.Capacity/" + action)
        .queryParam("api-version", properties.capacityApiVersion()).build().toUri();
  }

  private static String lastSegment(String id) {
    String[] parts = id.toLowerCase(Locale.ROOT).split("/");
    return parts.length == 0 ? "" : parts[parts.length - 1];
  }
}
