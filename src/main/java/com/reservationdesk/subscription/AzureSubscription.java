package com.reservationdesk.subscription;

import com.reservationdesk.partnercenter.SubscriptionStatus;

/**
 * An Azure subscription a reservation can be bought for: one under an Azure plan, or a legacy CSP
 * Azure offer subscription.
 *
 * @param subscriptionId the Azure subscription id the reservation's provisioning context names
 * @param kind {@code Azure plan} or {@code CSP Azure offer}
 */
public record AzureSubscription(String subscriptionId, String friendlyName, String kind, SubscriptionStatus status) {

  public static final String AZURE_PLAN = "Azure plan";
  public static final String LEGACY_AZURE_OFFER = "CSP Azure offer";

  public boolean isActive() {
    return status == SubscriptionStatus.ACTIVE;
  }

  public String label() {
    return friendlyName + " (" + kind + ") \u00b7 " + subscriptionId;
  }
}
