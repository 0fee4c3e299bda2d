package com.reservationdesk.subscription;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.common.Option;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.reseller.ResellerService;
import java.util.List;
import org.springframework.stereotype.Service;

/** Gathers, for a chosen customer, everything the purchase's forms let the agent choose from. */
@Service
public class PurchaseOptionsService {

  private final CustomerService customers;
  private final SubscriptionService subscriptions;
  private final ResellerService resellers;
  private final CatalogService catalog;

  public PurchaseOptionsService(CustomerService customers, SubscriptionService subscriptions, ResellerService resellers,
      CatalogService catalog) {
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.resellers = resellers;
    this.catalog = catalog;
  }

  public PurchaseOptions load(String customerId) {
    Customer customer = customers.requireCustomer(customerId);
    List<AzureSubscription> azure = subscriptions.azureSubscriptions(customer.id());
    List<Option> eligible = azure.stream().filter(AzureSubscription::isActive)
        .map(s -> new Option(s.label(), s.subscriptionId())).toList();
    List<Reseller> active = resellers.activeResellers();
    return new PurchaseOptions(customer, eligible, note(customer, azure), resellers.resellerRequired(),
        resellers.options(active), resellers.resellerOf(customer, active).map(Reseller::mpnId).orElse(null),
        catalog.regionOptions(customer.country()), catalog.flexibilityGroupOptions(customer.country()),
        catalog.priceNote(customer.country()));
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
