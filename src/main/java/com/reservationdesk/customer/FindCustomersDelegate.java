package com.reservationdesk.customer;

import static com.reservationdesk.process.PurchaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Searches the customers matching the agent's text; exactly one match is taken as the customer. */
@Component("findCustomers")
public class FindCustomersDelegate implements JavaDelegate {

  private final CustomerService customers;

  public FindCustomersDelegate(CustomerService customers) {
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CustomerSearchResult result = customers.search(string(execution, CUSTOMER_SEARCH));
    setJson(execution, CUSTOMER_MATCHES, result.options());
    execution.setVariable(CUSTOMER_MATCH_COUNT, result.matches().size());
    execution.setVariable(CUSTOMER_SEARCH_MESSAGE, result.message());
    execution.setVariable(CUSTOMER_ID, result.matches().size() == 1 ? result.matches().get(0).id() : null);
  }
}
