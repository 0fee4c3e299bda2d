package com.reservationdesk.customer;

import com.reservationdesk.common.Option;
import com.reservationdesk.partnercenter.Customer;
import java.util.List;

/** The customers a search found, capped, with a sentence for the agent. */
public record CustomerSearchResult(String query, List<Customer> matches, boolean truncated, String message) {

  public List<Option> options() {
    return matches.stream()
        .map(c -> new Option(c.companyName() + " \u00b7 " + c.domain() + " \u00b7 " + c.country(), c.id()))
        .toList();
  }
}
