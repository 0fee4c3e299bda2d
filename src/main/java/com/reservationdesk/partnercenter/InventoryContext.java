package com.reservationdesk.partnercenter;

/** The {@code InventoryContext} of an inventory check: for whom and where the reservation would be used. */
public record InventoryContext(String customerId, String azureSubscriptionId, String armRegionName) {}
