package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.RecommendationAction;
import com.reservationdesk.process.purchase.Decisions.RecommendationDecision;
import com.reservationdesk.recommendation.RecommendationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the recommendations the agent ticked into the cart, from the purchase's kept recommendation (the form sends
 * only which ones), and says where to go next.
 */
@Component("addRecommendations")
public class AddRecommendationsDelegate implements JavaDelegate {

  private final RecommendationService recommendations;

  public AddRecommendationsDelegate(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecommendationAction action = Actions.read(RecommendationAction.class, execution.getVariable(RECOMMENDATION_ACTION));
    if (action.adds()) {
      CartRows.write(execution, recommendations.addToCart(execution.getProcessInstanceId(),
          FormValues.ticked(execution.getVariable(CHOSEN_RECOMMENDATIONS), "Tick recommendations from the list."),
          FormValues.billingPlan(execution.getVariable(RECOMMENDATION_BILLING_PLAN))));
    }
    setDecision(execution, RECOMMENDATION_DECISION, switch (action) {
      case ADD_AND_REVIEW -> RecommendationDecision.REVIEW;
      case ADD_AND_SEARCH, SEARCH -> RecommendationDecision.SEARCH;
      case CANCEL -> RecommendationDecision.CANCEL;
    });
    execution.removeVariable(RECOMMENDATION_ACTION);
    execution.removeVariable(CHOSEN_RECOMMENDATIONS);
    execution.removeVariable(RECOMMENDATION_BILLING_PLAN);
    RecommendationRows.clear(execution);
  }
}
