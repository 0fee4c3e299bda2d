package com.reservationdesk.process.purchase;

import com.reservationdesk.customer.CustomerService;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks what the agent answered to the customer matches: a customer, a new search, or cancel. */
@Component("confirmCustomerChoice")
public class ConfirmCustomerChoiceDelegate implements JavaDelegate {

  private final CustomerService customers;
  private final PurchaseService purchases;

  public ConfirmCustomerChoiceDelegate(CustomerService customers, PurchaseService purchases) {
    this.customers = customers;
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String action = string(execution, CUSTOMER_ACTION);
    String decision = switch (action == null ? "" : action) {
      case "choose" -> {
        execution.setVariable(CUSTOMER_ID, purchases.chooseCustomer(execution.getProcessInstanceId(), string(execution, CUSTOMER_ID)).id());
        yield "CHOSEN";
      }
      case "searchAgain" -> {
        execution.setVariable(CUSTOMER_SEARCH, customers.requireSearchText(string(execution, CUSTOMER_SEARCH)));
        yield "SEARCH_AGAIN";
      }
      case "cancel" -> "CANCEL";
      default -> throw new InvalidInputException("Choose what to do: continue with a customer, search again or cancel.");
    };
    setDecision(execution, CUSTOMER_DECISION, decision);
    execution.removeVariable(CUSTOMER_ACTION);
  }
}
