package com.reservationdesk.reservation;

import com.reservationdesk.common.Money;
import java.util.List;

/** Azure's answer to calculateRefund. */
public record RefundQuote(String sessionId, ReturnLine line, Money billingRefundAmount, Money pricingRefundAmount,
    Money consumedRefundsTotal, Money maxRefundLimit, List<String> policyErrors) {}
