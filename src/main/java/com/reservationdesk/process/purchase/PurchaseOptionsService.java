package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.policy.OrderPolicy;
import com.reservationdesk.process.Option;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.reseller.ResellerService;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Gathers, for a chosen customer, everything the purchase's forms let the agent choose from. */
@Service
public class PurchaseOptionsService {

  private final CustomerService customers;
  private final SubscriptionService subscriptions;
  private final ResellerService resellers;
  private final CatalogService catalog;
  private final OrderPolicy policy;
  private final PurchaseService purchases;

  public PurchaseOptionsService(CustomerService customers, SubscriptionService subscriptions, ResellerService resellers,
      CatalogService catalog, OrderPolicy policy, PurchaseService purchases) {
    this.purchases = purchases;
    this.policy = policy;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.resellers = resellers;
    this.catalog = catalog;
  }

  /** What the forms offer for the purchase's customer, as recorded: never a variable a form could have sent. */
  public PurchaseOptions forPurchase(String processInstanceId) {
    return load(purchases.customerOf(processInstanceId));
  }

  PurchaseOptions load(String customerId) {
    Customer customer = customers.requireCustomer(customerId);
    List<AzureSubscription> azure = subscriptions.azureSubscriptions(customer.id());
    List<Option> eligible = OptionLists.subscriptions(azure.stream().filter(AzureSubscription::isActive).toList());
    List<Reseller> active = resellers.activeResellers();
    Optional<Reseller> own = resellers.resellerOf(customer, active);
    return new PurchaseOptions(customer, eligible, note(customer, azure), resellers.resellerRequired(),
        OptionLists.resellers(active), own.map(Reseller::mpnId).orElse(null),
        OptionLists.regions(catalog.regions(customer.country())), OptionLists.flexibilityGroups(catalog.flexibilityGroups(customer.country())),
        catalog.priceNote(customer.country()), quantityLimits());
  }

  /** The partner's quantity limits, as the rules that check each cart line enforce them. */
  private String quantityLimits() {
    return "Quantity limits (the partner's policy): " + String.join("; ", ReservationType.reservations().stream().map(type -> {
      OrderPolicy.Limits limits = policy.limits(type);
      return String.format("%s up to %,d %s per line and %,d per order", type.label(), limits.perLine(), limits.unit(),
          limits.perOrder());
    }).toList()) + ".";
  }

  private static String note(Customer customer, List<AzureSubscription> azure) {
    long active = azure.stream().filter(AzureSubscription::isActive).count();
    if (azure.isEmpty()) {
      return customer.companyName() + " has no Azure subscription.";
    }
    if (active == 0) {
      String inactive = String.join(", ", azure.stream().map(s -> s.friendlyName() + " is " + s.status().apiName()).toList());
      return customer.companyName() + " has no active Azure subscription (" + inactive + ").";
    }
    return customer.companyName() + " has " + active + " active Azure subscription" + (active == 1 ? "" : "s") + ".";
  }
}
