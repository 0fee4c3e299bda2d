package com.reservationdesk.purchase;

import com.reservationdesk.common.Money;

/** What the approval table decides on: the cart's total in the customer's currency, and its units. */
public record ApprovalRequest(String currency, Money total, long quantity) {}
