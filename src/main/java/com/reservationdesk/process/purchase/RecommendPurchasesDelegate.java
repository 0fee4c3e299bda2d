package com.reservationdesk.process.purchase;

import com.reservationdesk.recommendation.RecommendationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Recommends from the customer's usage once the subscription is chosen, and shows the result to the next form. */
@Component("recommendPurchases")
public class RecommendPurchasesDelegate implements JavaDelegate {

  private final RecommendationService recommendations;

  public RecommendPurchasesDelegate(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecommendationRows.write(execution, recommendations.recommend(execution.getProcessInstanceId()));
  }
}
