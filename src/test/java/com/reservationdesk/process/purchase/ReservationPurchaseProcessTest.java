package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.reservationdesk.catalog.CatalogSearchResult;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.customer.CustomerSearchResult;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import com.reservationdesk.process.Option;
import com.reservationdesk.purchase.ApprovalRequest;
import com.reservationdesk.purchase.ApprovalView;
import com.reservationdesk.purchase.CartPolicy;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.purchase.PurchaseStatus;
import com.reservationdesk.purchase.ReadyToOrder;
import com.reservationdesk.recommendation.RecommendationService;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the purchase process on the real model and delegates, with the business services
 * mocked. The build fails below 100 % of flow nodes and sequence flows.
 */
@Tag("own-engine")
@Deployment(resources = {"processes/ReservationPurchaseProcess.bpmn", "processes/OrderApproval.dmn"})
class ReservationPurchaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(engineConfiguration()).assertClassCoverageAtLeast(1.0).build();

  static final String CONTOSO = "0d5e1a9c-0000-4000-8000-000000000001";
  static final String SUBSCRIPTION = "5b0c7a43-0000-4000-8000-000000000002";
  static final String PURCHASE = "purchase-1";

  final CustomerService customers = mock(CustomerService.class);
  final PurchaseOptionsService options = mock(PurchaseOptionsService.class);
  final SubscriptionService subscriptions = mock(SubscriptionService.class);
  final PurchaseService purchases = mock(PurchaseService.class);
  final OrderService orders = mock(OrderService.class);
  final RecommendationService recommendations = mock(RecommendationService.class);
  final com.reservationdesk.reservation.Renewals renewals = mock(com.reservationdesk.reservation.Renewals.class);
  final com.reservationdesk.refund.Exchanges exchanges = mock(com.reservationdesk.refund.Exchanges.class);
  final List<String> exchangeCarts = new java.util.ArrayList<>();

  static final List<String> LIFETIME_TIMERS = List.of("StartEvent_ReminderDue", "StartEvent_CartExpired");

  ProcessEngine engine;
  Purchase purchase;
  ProcessInstance current;

  static ProcessCoverageInMemProcessEngineConfiguration engineConfiguration() {
    return com.reservationdesk.process.ProcessTestEngines.configuration("purchase-process-test");
  }

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    Mocks.register("beginPurchase", new BeginPurchaseListener(purchases));
    Mocks.register("prepareApproval", new PrepareApprovalListener(purchases));
    Mocks.register("findCustomers", new FindCustomersDelegate(customers, purchases));
    Mocks.register("confirmCustomerChoice", new ConfirmCustomerChoiceDelegate(purchases, customers));
    Mocks.register("loadPurchaseOptions", new LoadPurchaseOptionsDelegate(options));
    Mocks.register("addAzureSubscription", new AddAzureSubscriptionDelegate(purchases));
    Mocks.register("confirmSubscriptionChoice", new ConfirmSubscriptionChoiceDelegate(purchases));
    Mocks.register("recommendPurchases", new RecommendPurchasesDelegate(recommendations));
    Mocks.register("addRecommendations", new AddRecommendationsDelegate(recommendations));
    Mocks.register("prepareRenewal", new PrepareRenewalDelegate(renewals, purchases, options));
    Mocks.register("checkCatalogFilter", new CheckCatalogFilterDelegate(purchases));
    Mocks.register("searchCatalog", new SearchCatalogDelegate(purchases));
    Mocks.register("updateCart", new UpdateCartDelegate(purchases));
    Mocks.register("reviewOrder", new ReviewOrderDelegate(purchases, exchanges));
    ExchangePurchaseDelegates exchangeGlue = new ExchangePurchaseDelegates();
    Mocks.register("prepareExchange", exchangeGlue.prepareExchange(exchanges, purchases, options));
    // The real one also sends the exchange its message: the exchange process is ExchangeProcessTest's.
    Mocks.register("handOverExchange", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
      purchases.handOverToExchange(execution.getProcessInstanceId());
      exchangeCarts.add(execution.getProcessInstanceId());
    });
    Mocks.register("placeOrder", new PlaceOrderDelegate(orders));
    Mocks.register("recordApprovalDecision", new RecordApprovalDecisionDelegate(purchases));
    Mocks.register("registerSubscription", new RegisterSubscriptionDelegate(purchases));
    Mocks.register("cartPolicy", new CartTimers(new CartPolicy(Duration.ofDays(7), Duration.ofDays(1))));
    Mocks.register("expirePurchase", new ExpirePurchaseDelegate(purchases));
    Mocks.register("checkPurchaseOpen", new CheckPurchaseOpenDelegate(purchases));
    Mocks.register("discardPurchase", new DiscardPurchaseDelegate(purchases));
    engine.getIdentityService().setAuthenticatedUserId("alice");

    when(customers.requireCustomer(anyString())).thenAnswer(i -> customer(i.getArgument(0), "Contoso Ltd"));
    when(customers.requireSearchText(anyString())).thenAnswer(i -> i.getArgument(0));
    when(options.forPurchase(anyString())).thenReturn(options(1));
    purchase = new Purchase(PURCHASE, "process", CONTOSO, "Contoso Ltd", "US", SUBSCRIPTION, "Contoso Production",
        PurchaseStatus.OPEN, "USD", Scope.SHARED, "4847383", "Tailspin Cloud Services", null, "alice", "alice", Instant.now(), null, null,
        null, null, Instant.now());
    when(purchases.begin(anyString(), any())).thenReturn(PURCHASE);
    when(purchases.recordCustomer(anyString(), any())).thenAnswer(i -> i.getArgument(1));
    when(purchases.chooseCustomer(anyString(), anyString())).thenAnswer(i -> customer(i.getArgument(1), "Contoso Ltd"));
    when(purchases.customerOf(anyString())).thenReturn(CONTOSO);
    when(purchases.open(anyString(), eq(SUBSCRIPTION))).thenReturn(purchase);
    when(purchases.registerSubscription(anyString(), anyInt())).thenReturn(RegistrationStatus.REGISTERED);
    when(purchases.prepareApproval(anyString(), any())).thenAnswer(i -> new ApprovalView(purchase, i.getArgument(1),
        CartView.of(List.of(), "USD")));
    when(purchases.findOffers(anyString(), any())).thenReturn(new CatalogSearchResult(List.of(), 0, "No reservation matches.", "Indicative list prices."));
    when(purchases.addLine(anyString(), anyString(), any(), any())).thenReturn(CartView.of(List.of(), "USD"));
    when(purchases.changeQuantity(anyString(), anyInt(), any())).thenReturn(CartView.of(List.of(), "USD"));
    when(purchases.removeLine(anyString(), anyInt())).thenReturn(CartView.of(List.of(), "USD"));
    when(purchases.cart(anyString())).thenReturn(CartView.of(List.of(), "USD"));
    when(purchases.readyToOrder(anyString(), any(), any(), any())).thenReturn(new ReadyToOrder(purchase,
        new ApprovalRequest("USD", new Money(new BigDecimal("2420"), "USD"), 2)));
    when(purchases.addSavingsPlan(anyString(), any(), any(), any())).thenReturn(CartView.of(List.of(), "USD"));
    when(recommendations.recommend(anyString())).thenReturn(nothingRecommended());
    when(recommendations.addToCart(anyString(), any(), any())).thenReturn(CartView.of(List.of(), "USD"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void oneMatchingCustomer_buysAfterLoopingThroughSearchAndReview() {
    searchFinds(1);
    ProcessInstance purchase = start("Contoso");
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ChooseSubscription").task().isAssignedTo("alice");
    assertThat(purchase).variables().containsEntry(CUSTOMER_ID, CONTOSO).doesNotContainKey(ACTIVE_SUBSCRIPTION_COUNT);

    complete(task(), withVariables(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, SUBSCRIPTION));
    assertThat(purchase).isWaitingAt("ServiceTask_RecommendPurchases");
    executeJob();
    assertThat(purchase).hasPassed("Gateway_AnyRecommendation").isWaitingAt("UserTask_FilterReservations")
        .variables().containsEntry(RECOMMENDATION_SUMMARY, "No pay-as-you-go VM usage in the last 30 days: nothing to recommend.")
        .containsEntry(RECOMMENDATION_COUNT, 0);
    assertThat(purchase).hasBusinessKey(PURCHASE).variables().containsEntry(PURCHASE_ID, PURCHASE);

    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "addAndSearch", RESERVATION, "DZH318Z0BQ3V:0001", QUANTITY, 2));
    assertThat(purchase).isWaitingAt("UserTask_FilterReservations");
    verify(purchases).addLine(purchase.getId(), "DZH318Z0BQ3V:0001", BillingPlan.UPFRONT, BigDecimal.valueOf(2));

    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "addAndReview", RESERVATION, "DZH318Z0BQ3V:0002", QUANTITY, 1));
    assertThat(purchase).isWaitingAt("UserTask_ReviewOrder");

    complete(task(), withVariables(REVIEW_ACTION, "changeQuantity", CART_LINE, "1", NEW_QUANTITY, 5));
    assertThat(purchase).isWaitingAt("UserTask_ReviewOrder").variables().doesNotContainKey(REVIEW_ACTION);
    verify(purchases).changeQuantity(purchase.getId(), 1, BigDecimal.valueOf(5));

    complete(task(), withVariables(REVIEW_ACTION, "removeLine", CART_LINE, "2"));
    verify(purchases).removeLine(purchase.getId(), 2);

    complete(task(), withVariables(REVIEW_ACTION, "addMore"));
    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "review"));
    assertThat(purchase).isWaitingAt("UserTask_ReviewOrder");

    when(orders.placeOrder(anyString())).thenReturn(placement(OrderPlacement.Outcome.PLACED));
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    verify(purchases).readyToOrder(purchase.getId(), Scope.SHARED, "4847383", "alice");
    // USD 2,420 for 2 units needs no approval: straight to registration, then the order.
    assertThat(purchase).hasPassed("BusinessRuleTask_DecideApproval").hasNotPassed("UserTask_ApproveOrder")
        .isWaitingAt("ServiceTask_RegisterSubscription");
    executeJob();
    assertThat(purchase).isWaitingAt("ServiceTask_PlaceOrder");
    executeJob();

    assertThat(purchase).isWaitingAt("UserTask_ShowConfirmation");
    assertThat(purchase).variables().containsEntry(ORDER_NUMBERS, "311qiN8iFwkv-XARWMvXRYAwYKMACVqv1")
        .containsEntry(ORDER_TOTAL, "$2,420.00")
        .containsEntry(AZURE_PORTAL_URL,
            "https://portal.azure.com/#@" + CONTOSO + "/blade/Microsoft_Azure_Reservations/ReservationsBrowseBlade");
    complete(task());
    assertThat(purchase).isEnded().hasPassed("EndEvent_OrderPlaced");
  }

  @Test
  void customerWithoutActiveSubscription_getsOneAddedAndReturnsToTheChoice() {
    searchFinds(1);
    when(options.forPurchase(anyString())).thenReturn(options(0), options(1));
    when(purchases.addAzureSubscription(anyString()))
        .thenReturn(new AzureSubscription(SUBSCRIPTION, "Azure subscription 1", "Azure plan", SubscriptionStatus.ACTIVE));
    ProcessInstance purchase = start("Fabrikam");
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ConfirmAddSubscription");

    complete(task(), withVariables(ADD_SUBSCRIPTION_ACTION, "add"));
    assertThat(purchase).isWaitingAt("ServiceTask_AddAzureSubscription");
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ChooseSubscription").variables().containsEntry(SUBSCRIPTION_ID, SUBSCRIPTION);

    complete(task(), withVariables(SUBSCRIPTION_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("ServiceTask_DiscardPurchase", "EndEvent_PurchaseCancelled");
    verify(purchases, never()).open(anyString(), anyString());
  }

  @Test
  void agentCancelsInsteadOfAddingASubscription() {
    searchFinds(1);
    when(options.forPurchase(anyString())).thenReturn(options(0));
    ProcessInstance purchase = start("Northwind");
    executeJob();
    executeJob();
    complete(task(), withVariables(ADD_SUBSCRIPTION_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled").hasNotPassed("ServiceTask_AddAzureSubscription");
  }

  @Test
  void severalMatches_agentChoosesThenCancelsAtTheResults() {
    searchFinds(3);
    ProcessInstance purchase = start("Litware");
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ChooseCustomer");
    assertThat(purchase).variables().containsEntry(CUSTOMER_MATCH_COUNT, 3).containsEntry(CUSTOMER_ID, null);

    complete(task(), withVariables(CUSTOMER_ACTION, "choose", CUSTOMER_ID, CONTOSO));
    assertThat(purchase).isWaitingAt("ServiceTask_LoadPurchaseOptions").variables().doesNotContainKey(CUSTOMER_DECISION);
    executeJob();
    complete(task(), withVariables(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, SUBSCRIPTION));
    executeJob();
    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "changeFilter"));
    assertThat(purchase).isWaitingAt("UserTask_FilterReservations");
    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled");
    verify(purchases).cancel(anyString());
  }

  @Test
  void noMatch_agentSearchesAgainThenCancelsAtTheChoice() {
    searchFinds(0);
    ProcessInstance purchase = start("Zzyzx");
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_SearchCustomerAgain");

    searchFinds(2);
    complete(task(), withVariables(CUSTOMER_ACTION, "searchAgain", CUSTOMER_SEARCH, "Litware"));
    assertThat(purchase).isWaitingAt("ServiceTask_FindCustomers");
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ChooseCustomer");
    complete(task(), withVariables(CUSTOMER_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("Gateway_MergeCancel", "EndEvent_PurchaseCancelled");
  }

  @Test
  void agentCancelsAtReview() {
    ProcessInstance purchase = purchaseAtFilter();
    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "review"));
    complete(task(), withVariables(REVIEW_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled").hasNotPassed("ServiceTask_PlaceOrder");
    verify(purchases).cancel(anyString());
  }

  @Test
  void agentCancelsAtTheFilter() {
    ProcessInstance purchase = purchaseAtFilter();
    complete(task(), withVariables(FILTER_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled").hasNotPassed("ServiceTask_SearchCatalog");
    verify(purchases).cancel(anyString());
  }

  @Test
  void rejectedFormValue_keepsTheAgentOnTheTaskWithTheMessage() {
    ProcessInstance purchase = purchaseAtFilter();
    searchCatalog();
    when(purchases.addLine(anyString(), eq("DZH318Z0BQ3V:0001"), eq(BillingPlan.UPFRONT), eq(new BigDecimal("1.5"))))
        .thenThrow(new InvalidInputException("Quantity must be a whole number of instances, not 1.5."));

    Map<String, Object> values = withVariables(CART_ACTION, "addAndReview", RESERVATION, "DZH318Z0BQ3V:0001", QUANTITY, 1.5);
    assertThatThrownBy(() -> complete(task(), values)).hasMessage("Quantity must be a whole number of instances, not 1.5.");
    assertThat(purchase).isWaitingAt("UserTask_ChooseReservation").variables().doesNotContainKey(CART_DECISION);

    Map<String, Object> unknownAction = withVariables(CART_ACTION, "somethingElse");
    assertThatThrownBy(() -> complete(task(), unknownAction)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Choose what to do");
    assertThat(purchase).isWaitingAt("UserTask_ChooseReservation");
  }

  @Test
  void largeOrder_waitsForAnApprover_thenForRegistration_thenLooksAgainWhilePartnerCenterIsBusy() {
    ProcessInstance purchase = purchaseAtReview();
    when(purchases.readyToOrder(anyString(), any(), any(), any())).thenReturn(new ReadyToOrder(this.purchase, new ApprovalRequest("USD", new Money(new BigDecimal("60000"), "USD"), 10)));
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    assertThat(purchase).isWaitingAt("UserTask_ApproveOrder").variables()
        .containsEntry(APPROVAL_REQUIRED, true).containsEntry(APPROVAL_REASON, "The order total is above USD 50,000.");
    assertThat(purchase).task().hasCandidateGroup("approvers").isNotAssigned();

    engine.getIdentityService().setAuthenticatedUserId("carol");
    complete(task(), withVariables(APPROVAL_DECISION, "approve"));
    verify(purchases).decideApproval(anyString(), eq(true), eq(null), eq("carol"));
    assertThat(purchase).hasPassed("Gateway_Approved", "Gateway_MergeReadyToOrder").isWaitingAt("ServiceTask_RegisterSubscription");

    // A new subscription: registering, one minute later registered.
    when(purchases.registerSubscription(anyString(), anyInt())).thenReturn(RegistrationStatus.REGISTERING, RegistrationStatus.REGISTERED);
    executeJob();
    assertThat(purchase).isWaitingAt("IntermediateCatchEvent_WaitForRegistration").variables()
        .containsEntry(REGISTRATION_STATUS, "registering").containsEntry(REGISTRATION_CHECKS, 1);
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("ServiceTask_PlaceOrder");

    // 409: Partner Center is still processing the checkout; a minute later it answers with the order.
    when(orders.placeOrder(anyString())).thenReturn(placement(OrderPlacement.Outcome.IN_PROGRESS), placement(OrderPlacement.Outcome.PLACED));
    executeJob();
    assertThat(purchase).isWaitingAt("IntermediateCatchEvent_LookAgain");
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ShowConfirmation");
    complete(task());
    assertThat(purchase).isEnded().hasPassed("EndEvent_OrderPlaced");
  }

  @Test
  void rejectedOrder_goesBackToTheAgentsReviewWithTheReason() {
    ProcessInstance purchase = purchaseAtReview();
    when(purchases.readyToOrder(anyString(), any(), any(), any())).thenReturn(new ReadyToOrder(this.purchase, new ApprovalRequest("XYZ", new Money(new BigDecimal("1"), "USD"), 1)));
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    assertThat(purchase).isWaitingAt("UserTask_ApproveOrder");

    engine.getIdentityService().setAuthenticatedUserId("carol");
    complete(task(), withVariables(APPROVAL_DECISION, "reject", REJECTION_REASON, " Buy 3 years instead. "));
    verify(purchases).decideApproval(anyString(), eq(false), eq(" Buy 3 years instead. "), eq("carol"));
    assertThat(purchase).isWaitingAt("UserTask_ReviewOrder").variables()
        .containsEntry(REVIEW_NOTE, "Rejected by carol: Buy 3 years instead.").doesNotContainKey(APPROVAL_DECISION);

    engine.getIdentityService().setAuthenticatedUserId("alice");
    complete(task(), withVariables(REVIEW_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled").hasNotPassed("ServiceTask_PlaceOrder");
  }

  @Test
  void registrationThatTakesTooLong_isEscalatedToTheAgent_whoWaitsLongerThenCancels() {
    ProcessInstance purchase = purchaseAtReview();
    when(purchases.registerSubscription(anyString(), anyInt())).thenReturn(RegistrationStatus.REGISTERING);
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    waitForRegistrationTenTimes(purchase);
    assertThat(purchase).isWaitingAt("UserTask_RegistrationPending").task().isAssignedTo("alice");

    complete(task(), withVariables(REGISTRATION_ACTION, "wait"));
    assertThat(purchase).isWaitingAt("IntermediateCatchEvent_WaitForRegistration").variables().containsEntry(REGISTRATION_CHECKS, 0L);
    executeJob();
    waitForRegistrationTenTimes(purchase);
    complete(task(), withVariables(REGISTRATION_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled").hasNotPassed("ServiceTask_PlaceOrder");
    verify(purchases).cancel(anyString());
  }

  @Test
  void orderRefusedByPartnerCenter_goesBackToTheAgent_whoFixesItInReview() {
    ProcessInstance purchase = purchaseAtReview();
    when(orders.placeOrder(anyString())).thenReturn(placement(OrderPlacement.Outcome.REFUSED));
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    executeJob();
    executeJob();
    assertThat(purchase).hasPassed("BoundaryEvent_OrderRefused").isWaitingAt("UserTask_FixOrder").variables()
        .containsEntry(ORDER_PROBLEM, "Partner Center refused the order: inventory not available.")
        .containsEntry(REVIEW_NOTE, "Partner Center refused the order: inventory not available.");

    complete(task(), withVariables(FIX_ACTION, "review"));
    assertThat(purchase).isWaitingAt("UserTask_ReviewOrder");
  }

  @Test
  void partlyPlacedOrder_keepsItsOrders_andTheAgentCancelsTheRest() {
    ProcessInstance purchase = purchaseAtReview();
    when(orders.placeOrder(anyString())).thenReturn(placement(OrderPlacement.Outcome.PARTLY_PLACED));
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    executeJob();
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_FixOrder").variables()
        .doesNotContainKey(ORDER_OUTCOME).containsEntry(ORDER_NUMBERS, "311qiN8iFwkv-XARWMvXRYAwYKMACVqv1");
    complete(task(), withVariables(FIX_ACTION, "cancel"));
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseCancelled");
    verify(purchases).cancel(anyString());
  }

  @Test
  void recommendationsFromUsage_theAgentTicksSome_theyLandInTheCartAndTheReviewFollows() {
    when(recommendations.recommend(anyString())).thenReturn(recommended());
    ProcessInstance purchase = startAt("ServiceTask_RecommendPurchases");
    executeJob();
    assertThat(purchase).isWaitingAt("UserTask_ChooseRecommendations").task().isAssignedTo("alice");
    assertThat(purchase).variables().containsEntry(RECOMMENDATION_COUNT, 2).containsKey(RECOMMENDATION_ROWS)
        .containsKey(RECOMMENDATION_OPTIONS);
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(purchase.getId(), RECOMMENDATION_CHART).toString())
        .startsWith("\"data:image/svg+xml;base64,");

    // As Tasklist sends a checklist: the ticked values as a JSON array.
    complete(task(), withVariables(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"R1\"]").create(), RECOMMENDATION_BILLING_PLAN, "monthly"));
    verify(recommendations).addToCart(purchase.getId(), List.of("R1"), BillingPlan.MONTHLY);
    assertThat(purchase).hasPassed("Gateway_MergeBackToReview").isWaitingAt("UserTask_ReviewOrder");
    assertThat(purchase).variables().doesNotContainKey(RECOMMENDATION_CHART).doesNotContainKey(RECOMMENDATION_ROWS)
        .doesNotContainKey(CHOSEN_RECOMMENDATIONS);
  }

  @Test
  void recommendationsTheAgentAddsThenSearchesOn_orSkips_orCancelsAt() {
    when(recommendations.recommend(anyString())).thenReturn(recommended());
    ProcessInstance first = startAt("ServiceTask_RecommendPurchases");
    executeJob();
    complete(task(), withVariables(RECOMMENDATION_ACTION, "addAndSearch", CHOSEN_RECOMMENDATIONS, List.of("S3Y"),
        RECOMMENDATION_BILLING_PLAN, "upfront"));
    verify(recommendations).addToCart(first.getId(), List.of("S3Y"), BillingPlan.UPFRONT);
    assertThat(first).isWaitingAt("UserTask_FilterReservations");

    ProcessInstance second = startAt("ServiceTask_RecommendPurchases");
    executeJob();
    complete(task(), withVariables(RECOMMENDATION_ACTION, "search"));
    assertThat(second).isWaitingAt("UserTask_FilterReservations");

    ProcessInstance third = startAt("ServiceTask_RecommendPurchases");
    executeJob();
    complete(task(), withVariables(RECOMMENDATION_ACTION, "cancel"));
    assertThat(third).isEnded().hasPassed("Gateway_RecommendationDecision", "Gateway_MergeCancel", "EndEvent_PurchaseCancelled");
    verify(recommendations, org.mockito.Mockito.times(1)).addToCart(anyString(), any(), any());
  }

  @Test
  void aRefusedRecommendation_keepsTheAgentOnTheStepWithTheSentence() {
    when(recommendations.recommend(anyString())).thenReturn(recommended());
    ProcessInstance purchase = startAt("ServiceTask_RecommendPurchases");
    executeJob();
    when(recommendations.addToCart(anyString(), any(), any()))
        .thenThrow(new InvalidInputException("Tick reservations or the savings plan, not both."));
    Map<String, Object> both = withVariables(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS, "[\"R1\",\"S3Y\"]");
    assertThatThrownBy(() -> complete(task(), both)).hasMessage("Tick reservations or the savings plan, not both.");
    Map<String, Object> notATick = withVariables(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS, "[{\"id\":1}]");
    assertThatThrownBy(() -> complete(task(), notATick)).hasMessage("Tick recommendations from the list.");
    assertThat(purchase).isWaitingAt("UserTask_ChooseRecommendations");
  }

  @Test
  void aSavingsPlanFromTheFilter_goesIntoTheCartAtOnce_andTheReviewFollows() {
    ProcessInstance purchase = purchaseAtFilter();
    complete(task(), withVariables(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 2.5, SAVINGS_PLAN_TERM, "P3Y",
        BILLING_PLAN, "monthly", FILTER_ACTION, "search"));
    verify(purchases).addSavingsPlan(purchase.getId(), com.reservationdesk.partnercenter.Term.THREE_YEARS, new BigDecimal("2.5"),
        BillingPlan.MONTHLY);
    assertThat(purchase).hasPassed("Gateway_FilterDecision", "Gateway_MergeReview").hasNotPassed("ServiceTask_SearchCatalog")
        .isWaitingAt("UserTask_ReviewOrder");

    ProcessInstance fiveYears = purchaseAtFilter();
    Map<String, Object> wrongTerm = withVariables(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 2.5, SAVINGS_PLAN_TERM, "P5Y");
    assertThatThrownBy(() -> complete(task(), wrongTerm)).hasMessage("Choose the savings plan's term: 1 year or 3 years.");
    assertThat(fiveYears).isWaitingAt("UserTask_FilterReservations");
  }

  @Test
  void aRenewalStartsAPurchaseFilledFromTheReservation_atItsReview() {
    when(renewals.fill(anyString(), eq("watch-1"))).thenReturn(new com.reservationdesk.reservation.Renewals.RenewalPurchase(PURCHASE, true,
        "Renewal of 4 × Standard_D4s_v5 in westeurope, 1 year, which expires on 2026-12-20."));
    when(purchases.ofProcess(anyString())).thenReturn(purchase);
    ProcessInstance renewal = engine.getRuntimeService().createMessageCorrelation(RENEWAL_MESSAGE)
        .setVariable(RENEWAL_WATCH_ID, "watch-1").correlateStartMessage();
    current = renewal;
    assertThat(renewal).hasPassed("StartEvent_RenewalRequested", "ServiceTask_PrepareRenewal", "Gateway_MergeBackToReview")
        .isWaitingAt("UserTask_ReviewOrder");
    assertThat(renewal).task().isAssignedTo("alice");
    assertThat(renewal).variables().containsEntry(CUSTOMER_NAME, "Contoso Ltd").containsEntry(SUBSCRIPTION_ID, SUBSCRIPTION)
        .containsEntry(REVIEW_NOTE, "Renewal of 4 × Standard_D4s_v5 in westeurope, 1 year, which expires on 2026-12-20.");
    verify(purchases).begin(renewal.getId(), "alice");
  }

  @Test
  void anExchangeStartsAPurchaseForItsCustomer_withRecommendations_andBuyHandsTheCartBack() {
    when(exchanges.fillPurchase(anyString(), eq("exchange-pi"))).thenReturn("Exchange for Contoso Ltd: returning 6 of …");
    when(purchases.ofProcess(anyString())).thenReturn(purchase);
    ProcessInstance exchange = engine.getRuntimeService().createMessageCorrelation(EXCHANGE_MESSAGE)
        .setVariable(EXCHANGE_PROCESS_ID, "exchange-pi").correlateStartMessage();
    current = exchange;
    assertThat(exchange).hasPassed("StartEvent_ExchangeRequested", "ServiceTask_PrepareExchange", "Gateway_MergeRecommend")
        .isWaitingAt("ServiceTask_RecommendPurchases");
    assertThat(exchange).variables().containsEntry(SUBSCRIPTION_ID, SUBSCRIPTION).containsEntry(STARTED_BY, "alice")
        .containsEntry(REVIEW_NOTE, "Exchange for Contoso Ltd: returning 6 of …");
    executeJob();
    // Nothing recommended: the filters, then the review, as in any purchase.
    assertThat(exchange).isWaitingAt("UserTask_FilterReservations");
    searchCatalog();
    complete(task(), withVariables(CART_ACTION, "review"));
    assertThat(exchange).isWaitingAt("UserTask_ReviewOrder");
    when(exchanges.ofPurchase(exchange.getId())).thenReturn(java.util.Optional.of(org.mockito.Mockito.mock(
        com.reservationdesk.refund.ReturnRequest.class)));
    complete(task(exchange), withVariables(REVIEW_ACTION, "buy"));
    assertThat(exchange).isEnded().hasPassed("ServiceTask_HandOverExchange", "EndEvent_HandedToExchange")
        .hasNotPassed("BusinessRuleTask_DecideApproval");
    verify(purchases).handOverToExchange(exchange.getId());
    verify(purchases, org.mockito.Mockito.never()).readyToOrder(eq(exchange.getId()), any(), any(), any());
    org.assertj.core.api.Assertions.assertThat(exchangeCarts).containsExactly(exchange.getId());
  }

  private static com.reservationdesk.recommendation.Recommendations nothingRecommended() {
    return new com.reservationdesk.recommendation.Recommendations(30, Instant.parse("2026-10-31T00:00:00Z"),
        Instant.parse("2026-11-30T00:00:00Z"), "USD", "No pay-as-you-go VM usage in the last 30 days: nothing to recommend.",
        List.of(), List.of(), null);
  }

  private static com.reservationdesk.recommendation.Recommendations recommended() {
    var series = new com.reservationdesk.recommendation.UsageSeries(Instant.parse("2026-10-31T00:00:00Z"), 3, new double[] {4, 5, 4},
        new double[] {4, 6, 4}, 4, "D2s_v5 units");
    var reservation = new com.reservationdesk.recommendation.Recommendation("R1",
        com.reservationdesk.policy.RecommendationPolicy.Kind.RESERVATION, "2 \u00d7 Standard_D4s_v5 \u00b7 EU West \u00b7 3 years",
        "DZH318Z0BQ4F:00CN", "Standard_D4s_v5", "westeurope", "EU West", "Dsv5 Series", com.reservationdesk.partnercenter.Term.THREE_YEARS,
        2, new BigDecimal("4"), null, "USD", new BigDecimal("96.3"), new BigDecimal("40.0"), new BigDecimal("120.00"),
        new BigDecimal("4320.00"), new BigDecimal("600.00"), new BigDecimal("480.00"), new BigDecimal("120.00"), "usage", null, null,
        null, series);
    var plan = new com.reservationdesk.recommendation.Recommendation("S3Y",
        com.reservationdesk.policy.RecommendationPolicy.Kind.SAVINGS_PLAN, "Savings plan for compute, 3 years \u00b7 $0.50 an hour",
        null, null, null, null, null, com.reservationdesk.partnercenter.Term.THREE_YEARS, 1, null, new BigDecimal("0.50"), "USD",
        new BigDecimal("100.0"), new BigDecimal("70.0"), new BigDecimal("50.00"), new BigDecimal("1800.00"), new BigDecimal("600.00"),
        new BigDecimal("550.00"), new BigDecimal("50.00"), "usage", null, null, null, series);
    return new com.reservationdesk.recommendation.Recommendations(30, Instant.parse("2026-10-31T00:00:00Z"),
        Instant.parse("2026-11-30T00:00:00Z"), "USD", "From 2,880 VM hours: 1 reservation; or a savings plan.",
        List.of(reservation, plan), List.of("Standard_NC6s_v3 in EU West: restricted."), null);
  }

  private void waitForRegistrationTenTimes(ProcessInstance purchase) {
    for (int check = 1; check <= 10; check++) {
      assertThat(purchase).isWaitingAt("ServiceTask_RegisterSubscription");
      executeJob();
      if (check < 10) {
        assertThat(purchase).isWaitingAt("IntermediateCatchEvent_WaitForRegistration");
        executeJob();
      }
    }
  }

  /** The agent has a cart and is at the review: started there. */
  private ProcessInstance purchaseAtReview() {
    return startAt("UserTask_ReviewOrder");
  }

  @Test
  void agentIsRemindedADayBeforeTheCartExpires_thenTheUnboughtPurchaseEnds() {
    ProcessInstance purchase = purchaseAtFilter();
    when(purchases.openUntil(anyString())).thenReturn(java.util.Optional.of(Instant.now().plus(Duration.ofDays(1))));
    org.assertj.core.api.Assertions.assertThat(timer("StartEvent_ReminderDue").getDuedate()).isInSameDayAs(Date.from(Instant.now().plus(Duration.ofDays(6))));
    executeTimer("StartEvent_ReminderDue");
    Task reminder = engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId())
        .taskDefinitionKey("UserTask_RemindAgent").singleResult();
    assertThat(reminder).isAssignedTo("alice");
    assertThat(purchase).variables().containsKey(PURCHASE_EXPIRES_AT);
    complete(reminder);
    assertThat(purchase).hasPassed("EndEvent_AgentReminded").isWaitingAt("UserTask_FilterReservations");

    when(purchases.expire(anyString())).thenReturn(true);
    executeTimer("StartEvent_CartExpired");
    assertThat(purchase).isEnded().hasPassed("EndEvent_PurchaseExpired", "EndEvent_ExpiredPurchaseClosed")
        .hasNotPassed("EndEvent_PurchaseCancelled");
  }

  @Test
  void aPurchaseAlreadyBeingOrdered_isNeitherRemindedNorExpired() {
    ProcessInstance purchase = purchaseAtReview();
    when(purchases.registerSubscription(anyString(), anyInt())).thenReturn(RegistrationStatus.REGISTERING);
    complete(task(), withVariables(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    when(purchases.openUntil(anyString())).thenReturn(java.util.Optional.empty());
    when(purchases.expire(anyString())).thenReturn(false);
    executeTimer("StartEvent_ReminderDue");
    executeTimer("StartEvent_CartExpired");
    assertThat(purchase).hasPassed("EndEvent_NoReminderNeeded", "EndEvent_AlreadyBought").isNotEnded()
        .isWaitingAt("ServiceTask_RegisterSubscription");
  }

  /** Executes the one job of the purchase that is not a timer of the cart's lifetime. */
  private void executeJob() {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(current.getId()).list().stream()
        .filter(job -> !LIFETIME_TIMERS.contains(activityOf(job))).toList();
    org.assertj.core.api.Assertions.assertThat(jobs).as("jobs of the purchase").hasSize(1);
    execute(jobs.get(0));
  }

  private Job timer(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(current.getId()).list().stream()
        .filter(job -> activityId.equals(activityOf(job))).findFirst().orElseThrow();
  }

  private void executeTimer(String activityId) {
    execute(timer(activityId));
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private ProcessInstance start(String search) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of(CUSTOMER_SEARCH, search));
    current = instance;
    assertThat(instance).isWaitingAt("ServiceTask_FindCustomers");
    return instance;
  }

  /**
   * A purchase started in the middle, at the catalog filter, as if Contoso and its subscription had been chosen:
   * the branches after it are tested without replaying the way there (the end-to-end tests above do that).
   */
  private ProcessInstance purchaseAtFilter() {
    return startAt("UserTask_FilterReservations");
  }

  /** A purchase started in the middle, at an activity, with what the steps before it would have written. */
  private ProcessInstance startAt(String activityId) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(PROCESS_KEY).startBeforeActivity(activityId)
        .setVariables(Map.of(STARTED_BY, "alice", CUSTOMER_SEARCH, "Contoso", CUSTOMER_ID, CONTOSO, SUBSCRIPTION_ID, SUBSCRIPTION,
            CUSTOMER_NAME, "Contoso Ltd", RESELLER_REQUIRED, true, RESELLER_MPN_ID, "4847383"))
        .execute();
    current = instance;
    assertThat(instance).isWaitingAt(activityId);
    return instance;
  }

  private void searchCatalog() {
    complete(task(), withVariables(REGION, "westeurope", SIZE_FILTER, "D4s", TERM, "P3Y", BILLING_PLAN, "upfront",
        FILTER_ACTION, "search"));
    executeJob();
  }

  private void searchFinds(int count) {
    List<Customer> matches = IntStream.range(0, count)
        .mapToObj(i -> customer(i == 0 ? CONTOSO : "c-" + i, "Contoso " + i)).toList();
    when(customers.search(anyString())).thenReturn(new CustomerSearchResult("x", matches, false, count + " match"));
  }

  private static Customer customer(String id, String name) {
    return new Customer(id, name, "contoso.onmicrosoft.com", "US", "en-US", "reseller", null);
  }

  private static PurchaseOptions options(int activeSubscriptions) {
    List<Option> subscriptions = activeSubscriptions == 0 ? List.of()
        : List.of(new Option("Contoso Production (Azure plan)", SUBSCRIPTION));
    return new PurchaseOptions(customer(CONTOSO, "Contoso Ltd"), subscriptions, "note", true,
        List.of(new Option("Tailspin", "4847383")), "4847383",
        List.of(new Option("Any region", "any")), List.of(new Option("Any group", "any")), "Indicative list prices.",
        "Quantity limits (the partner's policy): …");
  }

  private static OrderPlacement placement(OrderPlacement.Outcome outcome) {
    Money price = new Money(new BigDecimal("1210.00"), "USD");
    PlacedOrder order = new PlacedOrder("311qiN8iFwkv-XARWMvXRYAwYKMACVqv1", PURCHASE, CONTOSO, "Contoso Ltd", SUBSCRIPTION,
        Scope.SHARED, "4847383", "Tailspin", "one_time", "pending", price.times(2), "alice", Instant.now(),
        List.of(new PlacedOrder.Line(1, "DZH318Z0BQ3V", "0001", "Standard_D4s_v3", "westeurope", "EU West", "P3Y", BillingPlan.UPFRONT,
            2, price, price.times(2))));
    return switch (outcome) {
      case PLACED -> new OrderPlacement(outcome, CONTOSO, List.of(order), null);
      case PARTLY_PLACED -> new OrderPlacement(outcome, CONTOSO, List.of(order), "Partner Center ordered part of the cart.",
          CartView.of(List.of(), "USD"));
      case REFUSED -> new OrderPlacement(outcome, CONTOSO, List.of(), "Partner Center refused the order: inventory not available.",
          CartView.of(List.of(), "USD"));
      case IN_PROGRESS -> new OrderPlacement(outcome, CONTOSO, List.of(), null);
    };
  }
}
