package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before reminding the agent: is the purchase still waiting for them, and when does it end? */
@Component("checkPurchaseOpen")
public class CheckPurchaseOpenDelegate implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH);

  private final PurchaseService purchases;

  public CheckPurchaseOpenDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Instant> openUntil = purchases.openUntil(execution.getProcessInstanceId());
    execution.setVariable(PURCHASE_OPEN, openUntil.isPresent());
    execution.setVariable(PURCHASE_EXPIRES_AT,
        openUntil.map(end -> WHEN.format(end.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))).orElse(null));
  }
}
