package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.process.Option;
import com.reservationdesk.subscription.AzureSubscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The choices the purchase's forms offer, in the words of their selects: one place for each kind. */
public final class OptionLists {

  private OptionLists() {}

  public static List<Option> customers(List<Customer> customers) {
    return customers.stream().map(c -> new Option(c.companyName() + " \u00b7 " + c.domain() + " \u00b7 " + c.country(), c.id()))
        .toList();
  }

  public static List<Option> subscriptions(List<AzureSubscription> subscriptions) {
    return subscriptions.stream().map(s -> new Option(s.label(), s.subscriptionId())).toList();
  }

  public static List<Option> resellers(List<Reseller> resellers) {
    return resellers.stream().map(r -> new Option(r.name() + " \u00b7 MPN " + r.mpnId(), r.mpnId())).toList();
  }

  /** By name, with {@code any} first. */
  public static List<Option> regions(Map<String, String> displayNameByRegion) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("Any region", CatalogFilter.ANY));
    displayNameByRegion.forEach((name, display) -> options.add(new Option(display + " (" + name + ")", name)));
    return options;
  }

  /** With {@code any} first. */
  public static List<Option> flexibilityGroups(Collection<String> groups) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("Any group", CatalogFilter.ANY));
    groups.forEach(g -> options.add(new Option(g, g)));
    return options;
  }
}
