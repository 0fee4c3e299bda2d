package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Loads what the next forms offer for the purchase's customer: subscriptions, resellers, regions, flexibility groups. */
@Component("loadPurchaseOptions")
public class LoadPurchaseOptionsDelegate implements JavaDelegate {

  private final PurchaseOptionsService options;

  public LoadPurchaseOptionsDelegate(PurchaseOptionsService options) {
    this.options = options;
  }

  @Override
  public void execute(DelegateExecution execution) {
    write(execution, options.forPurchase(execution.getProcessInstanceId()));
  }

  /** The options as the forms read them: also what a renewal's purchase, which skips the choices, shows at its review. */
  static void write(DelegateExecution execution, PurchaseOptions loaded) {
    execution.setVariable(CUSTOMER_NAME, loaded.customer().companyName());
    execution.setVariable(CUSTOMER_DOMAIN, loaded.customer().domain());
    setJson(execution, SUBSCRIPTION_OPTIONS, loaded.subscriptionOptions());
    // Only the gateway after this step reads it, in the same transaction.
    execution.setVariable(ACTIVE_SUBSCRIPTION_COUNT, Variables.integerValue(loaded.subscriptionOptions().size(), true));
    execution.setVariable(SUBSCRIPTION_NOTE, loaded.subscriptionNote());
    execution.setVariable(RESELLER_REQUIRED, loaded.resellerRequired());
    setJson(execution, RESELLER_OPTIONS, loaded.resellerOptions());
    if (execution.getVariable(RESELLER_MPN_ID) == null) {
      execution.setVariable(RESELLER_MPN_ID, loaded.defaultResellerMpnId());
    }
    setJson(execution, REGION_OPTIONS, loaded.regionOptions());
    setJson(execution, FLEXIBILITY_GROUP_OPTIONS, loaded.flexibilityGroupOptions());
    execution.setVariable(PRICE_NOTE, loaded.priceNote());
    execution.setVariable(QUANTITY_LIMITS, loaded.quantityLimits());
  }
}
