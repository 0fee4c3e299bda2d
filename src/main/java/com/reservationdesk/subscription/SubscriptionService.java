package com.reservationdesk.subscription;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A customer's Azure subscriptions, and adding one when the customer has none that is active. */
@Service
public class SubscriptionService {

  private final PartnerCenter partnerCenter;

  public SubscriptionService(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /** Every Azure subscription of the customer, active or not; other products (Microsoft 365 …) are left out. */
  public List<AzureSubscription> azureSubscriptions(String customerId) {
    List<AzureSubscription> result = new ArrayList<>();
    for (Subscription subscription : partnerCenter.getSubscriptions(customerId)) {
      if (subscription.isAzurePlan()) {
        partnerCenter.getAzureEntitlements(customerId, subscription.id()).forEach(e -> result.add(new AzureSubscription(
            e.subscriptionId(), e.friendlyName(), AzureSubscription.AZURE_PLAN,
            subscription.status() == SubscriptionStatus.ACTIVE ? e.status() : subscription.status())));
      } else if (subscription.isLegacyAzureOffer()) {
        result.add(new AzureSubscription(subscription.id(), subscription.friendlyName(), AzureSubscription.LEGACY_AZURE_OFFER, subscription.status()));
      }
    }
    return result;
  }

  /** The subscriptions a reservation can be bought for: active Azure ones. */
  public List<AzureSubscription> eligibleSubscriptions(String customerId) {
    return azureSubscriptions(customerId).stream().filter(AzureSubscription::isActive).toList();
  }

  /** The chosen subscription, if it is an active Azure subscription of this customer. */
  public AzureSubscription requireEligible(String customerId, String subscriptionId) {
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new InvalidInputException("Choose the Azure subscription the reservation is for.");
    }
    Optional<AzureSubscription> found = azureSubscriptions(customerId).stream()
        .filter(s -> s.subscriptionId().equalsIgnoreCase(subscriptionId.trim())).findFirst();
    AzureSubscription subscription = found.orElseThrow(() -> new InvalidInputException(
        "Subscription " + subscriptionId + " is not an Azure subscription of this customer. Choose one from the list."));
    if (!subscription.isActive()) {
      throw new InvalidInputException("Subscription " + subscription.friendlyName() + " is " + subscription.status().apiName()
          + "; reservations can only be bought for an active subscription. Choose another one.");
    }
    return subscription;
  }

  /**
   * What a savings plan's provisioning context names for the purchase's Azure subscription: its Azure plan when the
   * plan is shared, the subscription's entitlement when it is single (Partner Center's savings plan cart line).
   */
  public String savingsPlanTarget(String customerId, String azureSubscriptionId, com.reservationdesk.partnercenter.Scope scope) {
    for (Subscription subscription : partnerCenter.getSubscriptions(customerId)) {
      if (subscription.isAzurePlan()) {
        for (var entitlement : partnerCenter.getAzureEntitlements(customerId, subscription.id())) {
          if (entitlement.subscriptionId().equalsIgnoreCase(azureSubscriptionId)) {
            return scope == com.reservationdesk.partnercenter.Scope.SHARED ? subscription.id() : entitlement.id();
          }
        }
      }
    }
    throw new IllegalStateException("Azure subscription " + azureSubscriptionId + " of customer " + customerId
        + " is under no Azure plan, so no savings plan can be bought for it");
  }

  /**
   * Gives a customer without an active Azure subscription one: a new Azure subscription under its
   * active Azure plan, or a new Azure plan (which comes with its first Azure subscription).
   * Looks before it buys, so running it again after a lost answer adds nothing twice.
   */
  public AzureSubscription addAzureSubscription(String customerId, String requestId) {
    List<AzureSubscription> active = eligibleSubscriptions(customerId);
    if (!active.isEmpty()) {
      return active.get(0);
    }
    Optional<Subscription> activePlan = partnerCenter.getSubscriptions(customerId).stream()
        .filter(s -> s.isAzurePlan() && s.status() == SubscriptionStatus.ACTIVE).findFirst();
    if (activePlan.isPresent()) {
      var entitlement = partnerCenter.createAzureSubscription(customerId, activePlan.get().id(), "Azure subscription", requestId);
      return new AzureSubscription(entitlement.subscriptionId(), entitlement.friendlyName(), AzureSubscription.AZURE_PLAN, entitlement.status());
    }
    partnerCenter.createAzurePlan(customerId, requestId);
    return eligibleSubscriptions(customerId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("Partner Center created an Azure plan without an active Azure subscription"));
  }
}
