package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.customer.CustomerSearchResult;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Searches the customers matching the agent's text; exactly one match is taken as the customer. */
@Component("findCustomers")
public class FindCustomersDelegate implements JavaDelegate {

  private final CustomerService customers;
  private final PurchaseService purchases;

  public FindCustomersDelegate(CustomerService customers, PurchaseService purchases) {
    this.customers = customers;
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CustomerSearchResult result = customers.search(string(execution, CUSTOMER_SEARCH));
    setJson(execution, CUSTOMER_MATCHES, OptionLists.customers(result.matches()));
    execution.setVariable(CUSTOMER_MATCH_COUNT, result.matches().size());
    execution.setVariable(CUSTOMER_SEARCH_MESSAGE, result.message());
    String only = null;
    if (result.matches().size() == 1) {
      only = purchases.recordCustomer(execution.getProcessInstanceId(), result.matches().get(0)).id();
    }
    execution.setVariable(CUSTOMER_ID, only);
  }
}
