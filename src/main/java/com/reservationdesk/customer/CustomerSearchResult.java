package com.reservationdesk.customer;

import com.reservationdesk.partnercenter.Customer;
import java.util.List;

/** The customers a search found, capped, with a sentence for the agent. */
public record CustomerSearchResult(String query, List<Customer> matches, boolean truncated, String message) {

}
