package com.reservationdesk.purchase;

/** A purchase the agent chose to buy, and what the approval table decides on, both from its records. */
public record ReadyToOrder(Purchase purchase, ApprovalRequest approval) {}
