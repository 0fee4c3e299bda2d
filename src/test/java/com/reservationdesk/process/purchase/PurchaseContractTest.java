package com.reservationdesk.process.purchase;

import com.reservationdesk.process.FormValue;
import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.engine.form.FormFields;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The values that cross the model, the code and the forms agree: each form field's options are its action
 * enum's values, each gateway condition compares with a value its enum defines, and no form declares a
 * variable the server writes (the form contract would then accept it from an agent).
 */
class PurchaseContractTest {

  static final Path FORMS = Path.of("forms");
  static final Path MODEL = Path.of("processes", "ReservationPurchaseProcess.bpmn");
  final ObjectMapper json = new ObjectMapper();

  /** What the server writes and the forms only show: no form may declare one of these as a field. */
  static final Set<String> SERVER_WRITTEN = Set.of(STARTED_BY, PURCHASE_ID, CUSTOMER_NAME, CUSTOMER_DOMAIN, CUSTOMER_MATCHES,
      CUSTOMER_MATCH_COUNT, CUSTOMER_SEARCH_MESSAGE, SUBSCRIPTION_OPTIONS, SUBSCRIPTION_NOTE, SUBSCRIPTION_NAME, RESELLER_OPTIONS,
      RESELLER_REQUIRED, RESELLER_NAME, REGION_OPTIONS, FLEXIBILITY_GROUP_OPTIONS, PRICE_NOTE, QUANTITY_LIMITS, RESERVATION_RESULTS,
      RESERVATION_RESULT_COUNT, RESERVATION_RESULT_MESSAGE, CART_LINES, CART_LINE_COUNT, CART_TOTAL, CART_BILLING, ORDER_CURRENCY,
      ORDER_TOTAL_AMOUNT, ORDER_QUANTITY, APPROVAL, APPROVAL_REQUIRED, APPROVAL_REASON, APPROVAL_RESULT, REQUESTED_BY, REVIEW_NOTE,
      REGISTRATION_STATUS, REGISTRATION_CHECKS, PURCHASE_EXPIRED, PURCHASE_OPEN, PURCHASE_EXPIRES_AT, ORDER_OUTCOME, ORDER_PROBLEM,
      ORDER_NUMBERS, ORDER_COUNT, ORDER_STATUS, ORDER_TOTAL, ORDER_SUMMARY, AZURE_PORTAL_URL, CUSTOMER_DECISION,
      SUBSCRIPTION_DECISION, CART_DECISION, REVIEW_DECISION, ACTIVE_SUBSCRIPTION_COUNT, FILTER_DECISION, RECOMMENDATION_DECISION,
      RECOMMENDATION_SUMMARY, RECOMMENDATION_COUNT, RECOMMENDATION_ROWS, RECOMMENDATION_OPTIONS, RECOMMENDATION_NOTES,
      RECOMMENDATION_CHART);

  @Test
  void eachActionFieldOffersExactlyItsEnumsValues() throws IOException {
    Map<String, Set<String>> offered = options();
    assertOffers(offered, CUSTOMER_ACTION, Actions.CustomerAction.values());
    assertOffers(offered, ADD_SUBSCRIPTION_ACTION, Actions.AddSubscriptionAction.values());
    assertOffers(offered, SUBSCRIPTION_ACTION, Actions.SubscriptionAction.values());
    assertOffers(offered, FILTER_ACTION, Actions.FilterAction.values());
    assertOffers(offered, CART_ACTION, Actions.CartAction.values());
    assertOffers(offered, RECOMMENDATION_ACTION, Actions.RecommendationAction.values());
    assertOffers(offered, REVIEW_ACTION, Actions.ReviewAction.values());
    assertOffers(offered, APPROVAL_DECISION, Actions.ApprovalDecision.values());
    assertOffers(offered, REGISTRATION_ACTION, Actions.RegistrationAction.values());
    assertOffers(offered, FIX_ACTION, Actions.FixAction.values());
    assertThat(Arrays.stream(Scope.values()).map(Scope::apiName)).containsExactlyInAnyOrderElementsOf(offered.get(SCOPE));
    assertThat(Arrays.stream(BillingPlan.values()).map(BillingPlan::formValue)).containsExactlyInAnyOrderElementsOf(offered.get(BILLING_PLAN));
    assertThat(Arrays.stream(BillingPlan.values()).map(BillingPlan::formValue))
        .containsExactlyInAnyOrderElementsOf(offered.get(RECOMMENDATION_BILLING_PLAN));
    assertThat(offered.get(SAVINGS_PLAN_TERM)).as("a savings plan runs 1 or 3 years").containsExactlyInAnyOrder("P1Y", "P3Y");
    assertThat(Arrays.stream(ReservationType.values()).map(ReservationType::formValue))
        .containsExactlyInAnyOrderElementsOf(offered.get(PRODUCT_TYPE));
    assertThat(offered.get(TERM)).containsExactlyInAnyOrderElementsOf(
        Stream.concat(Stream.of("any"), Arrays.stream(Term.values()).map(Term::iso)).toList());
  }

  @Test
  void everyGatewayConditionComparesWithAValueItsEnumDefines() throws IOException {
    Map<String, Set<String>> allowed = new HashMap<>();
    allowed.put(CUSTOMER_DECISION, values(Decisions.CustomerDecision.values()));
    allowed.put(SUBSCRIPTION_DECISION, values(Decisions.SubscriptionDecision.values()));
    allowed.put(CART_DECISION, values(Decisions.CartDecision.values()));
    allowed.put(FILTER_DECISION, values(Decisions.FilterDecision.values()));
    allowed.put(RECOMMENDATION_DECISION, values(Decisions.RecommendationDecision.values()));
    allowed.put(REVIEW_DECISION, values(Decisions.ReviewDecision.values()));
    allowed.put(APPROVAL_RESULT, values(Decisions.ApprovalResult.values()));
    allowed.put(ORDER_OUTCOME, Arrays.stream(OrderPlacement.Outcome.values()).map(OrderPlacement.Outcome::value)
        .collect(java.util.stream.Collectors.toSet()));
    allowed.put(REGISTRATION_STATUS, Arrays.stream(RegistrationStatus.values()).map(RegistrationStatus::apiName)
        .collect(java.util.stream.Collectors.toSet()));
    allowed.put(ADD_SUBSCRIPTION_ACTION, values(Actions.AddSubscriptionAction.values()));
    allowed.put(FILTER_ACTION, values(Actions.FilterAction.values()));
    allowed.put(REGISTRATION_ACTION, values(Actions.RegistrationAction.values()));
    allowed.put(FIX_ACTION, values(Actions.FixAction.values()));
    String model = Files.readString(MODEL);
    Matcher comparison = Pattern.compile("(?:\\$\\{|execution\\.getVariable\\(')(\\w+)'?\\)? == '(\\w+)'").matcher(model);
    Map<String, Set<String>> used = new HashMap<>();
    while (comparison.find()) {
      used.computeIfAbsent(comparison.group(1), k -> new HashSet<>()).add(comparison.group(2));
    }
    assertThat(used).as("the model compares these variables with literal values").isNotEmpty();
    used.forEach((variable, literals) -> {
      assertThat(allowed).as("an enum defines the values of " + variable).containsKey(variable);
      assertThat(allowed.get(variable)).as("values of " + variable).containsAll(literals);
    });
    // Every decision a gateway branches on is used by the model: none of the enums' values is dead.
    for (String decision : List.of(CUSTOMER_DECISION, SUBSCRIPTION_DECISION, CART_DECISION, REVIEW_DECISION, FILTER_DECISION,
        RECOMMENDATION_DECISION)) {
      assertThat(used.get(decision)).as(decision).containsExactlyInAnyOrderElementsOf(allowed.get(decision));
    }
  }

  @Test
  void noFormDeclaresAVariableTheServerWrites() throws IOException {
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        assertThat(FormFields.declaredBy(Files.newInputStream(form))).as(form + " declares only what agents may write")
            .doesNotContainAnyElementsOf(SERVER_WRITTEN);
      }
    }
  }

  /** The options each field offers, by key, across all forms (a radio or a static select). */
  private Map<String, Set<String>> options() throws IOException {
    Map<String, Set<String>> offered = new HashMap<>();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        collect(json.readTree(form.toFile()).path("components"), offered);
      }
    }
    return offered;
  }

  private static void collect(JsonNode components, Map<String, Set<String>> offered) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && component.has("values")) {
        component.path("values").forEach(v -> offered.computeIfAbsent(component.path("key").asText(), k -> new HashSet<>())
            .add(v.path("value").asText()));
      }
      collect(component.path("components"), offered);
    }
  }

  private static void assertOffers(Map<String, Set<String>> offered, String field, FormValue[] values) {
    assertThat(offered.get(field)).as("the options of " + field + " across the forms").containsExactlyInAnyOrderElementsOf(values(values));
  }

  private static Set<String> values(FormValue[] values) {
    Set<String> set = new HashSet<>();
    Arrays.stream(values).forEach(v -> set.add(v.value()));
    return set;
  }
}
