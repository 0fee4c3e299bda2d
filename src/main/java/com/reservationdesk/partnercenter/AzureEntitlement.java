package com.reservationdesk.partnercenter;

/**
 * An Azure subscription under an Azure plan.
 *
 * @param id the entitlement id; {@code subscriptionId} is the Azure subscription id a reservation names
 */
public record AzureEntitlement(String id, String friendlyName, SubscriptionStatus status, String subscriptionId) {}
