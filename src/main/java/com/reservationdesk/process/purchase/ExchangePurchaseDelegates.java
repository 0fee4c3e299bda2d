package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.refund.Exchanges;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A purchase that chooses an exchange's new reservations: opened for the exchange's customer and subscription (the
 * exchange process starts it by message, in the agent's own command, so the purchase is that agent's), and, when the
 * agent chooses to buy, handing its cart back to the exchange instead of ordering it.
 */
@Configuration
public class ExchangePurchaseDelegates {

  @Bean("prepareExchange")
  JavaDelegate prepareExchange(Exchanges exchanges, PurchaseService purchases, PurchaseOptionsService options) {
    return execution -> {
      String processInstanceId = execution.getProcessInstanceId();
      String note = exchanges.fillPurchase(processInstanceId, (String) execution.getVariable(EXCHANGE_PROCESS_ID));
      Purchase purchase = purchases.ofProcess(processInstanceId);
      execution.setVariable(STARTED_BY, purchase.createdBy());
      execution.setVariable(CUSTOMER_ID, purchase.customerId());
      execution.setVariable(SUBSCRIPTION_ID, purchase.subscriptionId());
      execution.setVariable(SUBSCRIPTION_NAME, purchase.subscriptionName());
      LoadPurchaseOptionsDelegate.write(execution, options.forPurchase(processInstanceId));
      execution.setVariable(REVIEW_NOTE, note);
    };
  }

  @Bean("handOverExchange")
  JavaDelegate handOverExchange(Exchanges exchanges) {
    return execution -> execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(EXCHANGE_CART_MESSAGE)
        .processInstanceId(exchanges.handOver(execution.getProcessInstanceId())).correlate();
  }
}
