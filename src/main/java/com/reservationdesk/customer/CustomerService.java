package com.reservationdesk.customer;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Finds the customer an agent means: by company name, domain or tenant id. */
@Service
public class CustomerService {

  static final int MIN_SEARCH_LENGTH = 2;
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final PartnerCenter partnerCenter;
  private final int maxMatches;

  public CustomerService(PartnerCenter partnerCenter,
      @Value("${reservation-desk.customer-search.max-matches:20}") int maxMatches) {
    this.partnerCenter = partnerCenter;
    this.maxMatches = maxMatches;
  }

  /**
   * Partner Center searches by prefix only, so a company name or a domain is matched from its start;
   * a tenant id is looked up directly. Never throws for what an agent types: the result says why
   * nothing matched.
   */
  public CustomerSearchResult search(String text) {
    String query = text == null ? "" : text.trim();
    if (query.length() < MIN_SEARCH_LENGTH) {
      return new CustomerSearchResult(query, List.of(), false,
          "Type at least " + MIN_SEARCH_LENGTH + " characters of the company name, a domain or the tenant id.");
    }
    if (GUID.matcher(query).matches()) {
      List<Customer> byId = partnerCenter.getCustomer(query).stream().toList();
      return result(query, byId, false);
    }
    Map<String, Customer> matches = new LinkedHashMap<>();
    partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, query, maxMatches + 1)
        .forEach(c -> matches.put(c.id(), c));
    partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, query, maxMatches + 1)
        .forEach(c -> matches.putIfAbsent(c.id(), c));
    List<Customer> sorted = matches.values().stream()
        .sorted(Comparator.comparing((Customer c) -> c.companyName().toLowerCase()).thenComparing(Customer::id))
        .toList();
    boolean truncated = sorted.size() > maxMatches;
    return result(query, truncated ? sorted.subList(0, maxMatches) : sorted, truncated);
  }

  private CustomerSearchResult result(String query, List<Customer> matches, boolean truncated) {
    String message;
    if (matches.isEmpty()) {
      message = "No customer matches \u201c" + query + "\u201d. Names and domains match from their start "
          + "(\u201cconto\u201d finds Contoso); a tenant id must be complete.";
    } else if (truncated) {
      message = "More than " + maxMatches + " customers match \u201c" + query + "\u201d; the first " + maxMatches
          + " are listed. Type more of the name to narrow the list.";
    } else {
      message = matches.size() + (matches.size() == 1 ? " customer matches" : " customers match") + " \u201c" + query + "\u201d.";
    }
    return new CustomerSearchResult(query, matches, truncated, message);
  }

  /** The customer an agent chose, or a message that says the choice is not a customer of the partner. */
  public Customer requireCustomer(String customerId) {
    if (customerId == null || customerId.isBlank()) {
      throw new InvalidInputException("Choose a customer from the list.");
    }
    return partnerCenter.getCustomer(customerId.trim())
        .orElseThrow(() -> new InvalidInputException("The chosen customer is not a customer of this partner. Choose one from the list."));
  }

  /** Checks a new search text before the search runs again. */
  public String requireSearchText(String text) {
    String query = text == null ? "" : text.trim();
    if (query.length() < MIN_SEARCH_LENGTH) {
      throw new InvalidInputException(
          "Type at least " + MIN_SEARCH_LENGTH + " characters of the company name, a domain or the tenant id to search again.");
    }
    return query;
  }
}
