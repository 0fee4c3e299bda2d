package com.reservationdesk.reservation.live.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * The returns and exchanges of Azure's reservation order API (learn.microsoft.com/rest/api/reserved-vm-instances:
 * calculate-refund/post, return/post, calculate-exchange/post, exchange/post; azure-rest-api-specs
 * {@code specification/reservations/resource-manager/Microsoft.Capacity/stable/2022-11-01}), as records named after the
 * specification's definitions. A namespace, not a type.
 */
public final class CapacityJson {

  /** Reads Azure's answers, ignoring what the records leave out; writes nulls as Azure's examples do. */
  public static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** {@code scope} of a refund: one reservation. */
  public static final String SCOPE_RESERVATION = "Reservation";

  private CapacityJson() {}

  /** {@code Price}: an amount in a currency. */
  public record Price(String currencyCode, BigDecimal amount) {}

  /** {@code ReservationToReturn}: the reservation's full id and the quantity. */
  public record ReservationToReturn(String reservationId, long quantity) {}

  /** {@code CalculateRefundRequest}: the reservation order's full id and what to return. */
  public record CalculateRefundRequest(String id, CalculateRefundRequestProperties properties) {}

  public record CalculateRefundRequestProperties(String scope, ReservationToReturn reservationToReturn) {}

  /** {@code RefundRequest}: a return with the session of {@code calculateRefund}. */
  public record RefundRequest(RefundRequestProperties properties) {}

  public record RefundRequestProperties(String sessionId, String scope, ReservationToReturn reservationToReturn, String returnReason) {}

  /** {@code CalculateRefundResponse} (200 of calculateRefund) and {@code RefundResponse} (202 of return). */
  public record RefundResponse(String id, RefundResponseProperties properties) {}

  public record RefundResponseProperties(String sessionId, Long quantity, Price billingRefundAmount, Price pricingRefundAmount,
      RefundPolicyResult policyResult) {}

  public record RefundPolicyResult(RefundPolicyResultProperties properties) {}

  public record RefundPolicyResultProperties(Price consumedRefundsTotal, Price maxRefundLimit, List<PolicyError> policyErrors) {}

  /** {@code RefundPolicyError} / {@code ExchangePolicyError}. */
  public record PolicyError(String code, String message) {

    /** In words: the message, else the code. */
    public String text() {
      return message == null || message.isBlank() ? code : message;
    }
  }

  /** {@code PurchaseRequest}: a reservation to buy in an exchange. */
  public record PurchaseRequest(Sku sku, String location, PurchaseRequestProperties properties) {}

  public record Sku(String name) {}

  public record PurchaseRequestProperties(String reservedResourceType, String billingScopeId, String term, String billingPlan,
      long quantity, String displayName, String appliedScopeType, List<String> appliedScopes, boolean renew,
      ReservedResourceProperties reservedResourceProperties) {}

  public record ReservedResourceProperties(String instanceFlexibility) {}

  /** {@code CalculateExchangeRequest}. */
  public record CalculateExchangeRequest(CalculateExchangeRequestProperties properties) {}

  public record CalculateExchangeRequestProperties(List<PurchaseRequest> reservationsToPurchase,
      List<ReservationToReturn> reservationsToExchange) {}

  /** {@code ExchangeRequest}: the exchange with the session of {@code calculateExchange}. */
  public record ExchangeRequest(ExchangeRequestProperties properties) {}

  public record ExchangeRequestProperties(String sessionId) {}

  /**
   * {@code CalculateExchangeOperationResultResponse} and {@code ExchangeOperationResultResponse}: the body of a finished
   * (200) calculateExchange or exchange, and of their {@code Azure-AsyncOperation}. {@code status}: {@code Succeeded},
   * {@code Failed}, {@code Cancelled}, {@code Pending}.
   */
  public record ExchangeOperationResult(String id, String name, String status, ExchangeResultProperties properties, OperationError error) {}

  public record ExchangeResultProperties(String sessionId, Price netPayable, Price refundsTotal, Price purchasesTotal,
      ExchangePolicyErrors policyResult, List<ReservationToPurchaseExchange> reservationsToPurchase,
      List<ReservationToReturnForExchange> reservationsToExchange) {}

  public record ExchangePolicyErrors(List<PolicyError> policyErrors) {}

  /** A bought reservation: its new reservation order and reservation once the exchange is done. */
  public record ReservationToPurchaseExchange(String reservationOrderId, String reservationId, PurchaseRequest properties,
      Price billingCurrencyTotal, String status) {}

  public record ReservationToReturnForExchange(String reservationId, Long quantity, Price billingRefundAmount, String status) {}

  /** {@code OperationResultError}: why an operation failed. */
  public record OperationError(String code, String message) {}

  /** An ARM error answer: {@code {"error": {"code": …, "message": …}}}. */
  public record ArmError(OperationError error) {}
}
