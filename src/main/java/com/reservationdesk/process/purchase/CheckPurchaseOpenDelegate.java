package com.reservationdesk.process.purchase;

import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.purchase.CartPolicy;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before reminding the agent: is the purchase still waiting for them, and when does it expire? */
@Component("checkPurchaseOpen")
public class CheckPurchaseOpenDelegate implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final PurchaseService purchases;
  private final CartPolicy policy;
  private final Clock clock;

  public CheckPurchaseOpenDelegate(PurchaseService purchases, CartPolicy policy, Clock clock) {
    this.purchases = purchases;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PURCHASE_OPEN, purchases.isOpen(execution.getProcessInstanceId()));
    execution.setVariable(PURCHASE_EXPIRES_AT,
        WHEN.format(clock.instant().plus(policy.reminderBefore()).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)));
  }
}
