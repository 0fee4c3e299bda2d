package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.process.purchase.Actions.CustomerAction;
import com.reservationdesk.process.purchase.Decisions.CustomerDecision;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks what the agent answered to the customer matches: a customer, a new search, or cancel. */
@Component("confirmCustomerChoice")
public class ConfirmCustomerChoiceDelegate implements JavaDelegate {

  private final PurchaseService purchases;
  private final CustomerService customers;

  public ConfirmCustomerChoiceDelegate(PurchaseService purchases, CustomerService customers) {
    this.purchases = purchases;
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CustomerAction action = Actions.read(CustomerAction.class, execution.getVariable(CUSTOMER_ACTION));
    CustomerDecision decision = switch (action) {
      case CHOOSE -> {
        // Checked to be the partner's customer and recorded as the purchase's: only a draft's customer can change.
        execution.setVariable(CUSTOMER_ID, purchases.chooseCustomer(execution.getProcessInstanceId(), string(execution, CUSTOMER_ID)).id());
        yield CustomerDecision.CHOSEN;
      }
      case SEARCH_AGAIN -> {
        execution.setVariable(CUSTOMER_SEARCH, customers.requireSearchText(string(execution, CUSTOMER_SEARCH)));
        yield CustomerDecision.SEARCH_AGAIN;
      }
      case CANCEL -> CustomerDecision.CANCEL;
    };
    setDecision(execution, CUSTOMER_DECISION, decision);
    execution.removeVariable(CUSTOMER_ACTION);
  }
}
