package com.reservationdesk.process.refund;

import static com.reservationdesk.process.refund.ReturnVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.PurchaseLine;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.refund.Exchanges;
import com.reservationdesk.refund.RefundBudget;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.ReturnStatus;
import com.reservationdesk.refund.Returns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Every path of the exchange process on the real model and glue, with the ledger and purchase services mocked (the
 * purchase that chooses the new reservations is the purchase process's; here the test sends its message back): choose
 * and value what is returned, wait for the cart, quote, review, approval and rejection, Azure's operation polled, the
 * exchange dropped when no cart comes. The build fails below 100 % of flow nodes and sequence flows.
 */
@Tag("own-engine")
@Deployment(resources = "processes/ReservationExchangeProcess.bpmn")
class ExchangeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(engineConfiguration()).assertClassCoverageAtLeast(1.0).build();

  static final RefundBudget BUDGET = new RefundBudget("customer-1", new BigDecimal("50000.00"), BigDecimal.ZERO,
      new BigDecimal("50000.00"), 365, LocalDate.parse("2025-12-01"), 0);
  static final CartView CART = CartView.of(List.of(new PurchaseLine(1, "DZH318Z0BPS6", "00G4", ReservationType.VIRTUAL_MACHINES,
      "Standard_D4s_v5", "eastus", "US East", "P1Y", BillingPlan.UPFRONT, 4, new Money(new BigDecimal("900.00"), "USD"))), "USD");

  final Returns returns = mock(Returns.class);
  final Exchanges exchanges = mock(Exchanges.class);
  final PurchaseService purchases = mock(PurchaseService.class);
  final List<String> purchasesOpened = new ArrayList<>();
  ProcessEngine engine;

  static ProcessCoverageInMemProcessEngineConfiguration engineConfiguration() {
    return com.reservationdesk.process.ProcessTestEngines.configuration("exchange-process-test");
  }

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ExchangeDelegates glue = new ExchangeDelegates();
    Mocks.register("openExchange", glue.openExchange(returns));
    Mocks.register("quoteExchangeReturns", glue.quoteExchangeReturns(returns));
    // The real one starts the purchase process by message; its own test is the purchase process's.
    Mocks.register("openExchangePurchase", (JavaDelegate) execution -> purchasesOpened.add(execution.getProcessInstanceId()));
    Mocks.register("quoteExchange", glue.quoteExchange(exchanges, returns, purchases));
    Mocks.register("submitExchange", glue.submitExchange(exchanges, returns, purchases));
    Mocks.register("prepareExchangeApproval", glue.prepareExchangeApproval(returns, purchases));
    Mocks.register("recordExchangeApproval", glue.recordExchangeApproval(returns, purchases));
    Mocks.register("startExchange", glue.startExchange(exchanges));
    Mocks.register("checkExchange", glue.checkExchange(exchanges, returns, purchases));
    Mocks.register("cancelExchange", glue.cancelExchange(returns));
    engine.getIdentityService().setAuthenticatedUserId("alice");
    when(returns.open(anyString(), eq(Kind.EXCHANGE), eq("alice"), eq("res-1"))).thenReturn(exchange(ReturnStatus.CHOOSING, null));
    when(returns.returnable("customer-1")).thenReturn(List.of(ReturnProcessTest.RESERVATION));
    when(returns.budget("customer-1")).thenReturn(BUDGET);
    when(returns.quote(anyString(), any(), any())).thenReturn(exchange(ReturnStatus.QUOTED, null));
    when(returns.require(anyString())).thenReturn(exchange(ReturnStatus.QUOTED, null));
    when(exchanges.quote(anyString())).thenReturn(exchange(ReturnStatus.QUOTED, null));
    when(purchases.cart("purchase-pi")).thenReturn(CART);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void valuedReturns_newReservationsFromAPurchase_quotedSubmittedExchanged() {
    ProcessInstance p = valued();
    assertThat(p).isWaitingAt("ReceiveTask_NewReservationsChosen");
    org.assertj.core.api.Assertions.assertThat(purchasesOpened).containsExactly(p.getId());
    cartChosen(p);
    verify(exchanges).quote(p.getId());
    assertThat(p).isWaitingAt("UserTask_ReviewExchange").task().isAssignedTo("alice");
    assertThat(p).variables().containsEntry(EXCHANGE_TOTALS,
        "Returned: $1,800.00 · new reservations: $3,600.00 · the customer pays on top: $1,800.00")
        .containsEntry(NEW_RESERVATIONS, "- Buy **4** × " + CART.lines().get(0).description() + ": $3,600.00");

    when(exchanges.submit(anyString(), eq("alice"))).thenReturn(new Returns.Submission(Returns.Submitted.CLEARED, null, BUDGET));
    complete(task(p), withVariables(EXCHANGE_REVIEW_ACTION, "submit"));
    assertThat(p).isWaitingAt("ServiceTask_Exchange");
    execute(job(p));
    verify(exchanges).start(p.getId());
    when(exchanges.check(p.getId())).thenReturn(false);
    execute(job(p));
    assertThat(p).isWaitingAt("TimerEvent_WaitForAzure");
    execute(job(p));
    when(exchanges.check(p.getId())).thenReturn(true);
    ReturnRequest done = exchange(ReturnStatus.SUCCEEDED, null);
    when(returns.require(anyString())).thenReturn(done);
    execute(job(p));
    assertThat(p).isWaitingAt("UserTask_ExchangeDone").variables().containsEntry(EXCHANGE_OUTCOME,
        "Azure exchanged them: new reservation orders order-9. Not counted against the refund budget.");
    complete(task(p));
    assertThat(p).isEnded().hasPassed("EndEvent_ExchangeDone");
  }

  @Test
  void aQuoteBelowTheReturnedValueCannotBeSubmitted_theAgentChoosesAgain_orCancels() {
    ProcessInstance p = valued();
    cartChosen(p);
    when(exchanges.submit(anyString(), eq("alice"))).thenThrow(new InvalidInputException("The new reservations come to $900.00, less"));
    Map<String, Object> submit = withVariables(EXCHANGE_REVIEW_ACTION, "submit");
    assertThatThrownBy(() -> complete(task(p), submit)).hasMessageStartingWith("The new reservations come to");
    complete(task(p), withVariables(EXCHANGE_REVIEW_ACTION, "chooseAgain"));
    assertThat(p).isWaitingAt("ReceiveTask_NewReservationsChosen");
    org.assertj.core.api.Assertions.assertThat(purchasesOpened).hasSize(2);
    cartChosen(p);
    complete(task(p), withVariables(EXCHANGE_REVIEW_ACTION, "cancel"));
    verify(returns).cancel(p.getId());
    assertThat(p).isEnded().hasPassed("EndEvent_CancelledAtReview");
  }

  @Test
  void cancelledWhileChoosing_orNoCartWithinEightDays() {
    ProcessInstance cancelled = start();
    complete(task(cancelled), withVariables(RETURN_ACTION, "cancel"));
    assertThat(cancelled).isEnded().hasPassed("EndEvent_CancelledWhileChoosing");

    ProcessInstance waiting = valued();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(waiting.getId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    assertThat(waiting).isEnded().hasPassed("EndEvent_NoNewReservations");
    verify(returns).cancel(waiting.getId());
  }

  @Test
  void anApproverReadsTheLedgerAndTheCart_rejects_thenApproves() {
    ProcessInstance p = valued();
    cartChosen(p);
    when(exchanges.submit(anyString(), eq("alice"))).thenReturn(new Returns.Submission(Returns.Submitted.NEEDS_APPROVAL,
        "The customer pays USD 25,000 or more on top of what is returned.", BUDGET));
    when(returns.require(anyString())).thenReturn(exchange(ReturnStatus.AWAITING_APPROVAL, null));
    complete(task(p), withVariables(EXCHANGE_REVIEW_ACTION, "submit"));
    assertThat(p).isWaitingAt("UserTask_ApproveExchange").task().hasCandidateGroup("approvers");
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task(p).getId());
    org.assertj.core.api.Assertions.assertThat(shown).containsEntry(REQUESTED_BY, "alice")
        .containsEntry(APPROVAL_REASON, "The customer pays USD 25,000 or more on top of what is returned.")
        .containsKey(NEW_RESERVATIONS).containsKey(EXCHANGE_TOTALS);

    engine.getIdentityService().setAuthenticatedUserId("carol");
    when(returns.decide(anyString(), eq(false), eq("Too much"), eq("carol"))).thenReturn(decided(ReturnStatus.REJECTED, "Too much"));
    complete(task(p), withVariables(EXCHANGE_APPROVAL, "reject", EXCHANGE_REJECTION_REASON, "Too much"));
    assertThat(p).isWaitingAt("UserTask_ReviewExchange").variables().containsEntry(EXCHANGE_NOTE, "Rejected by carol: Too much");

    engine.getIdentityService().setAuthenticatedUserId("alice");
    complete(task(p), withVariables(EXCHANGE_REVIEW_ACTION, "submit"));
    engine.getIdentityService().setAuthenticatedUserId("carol");
    when(returns.decide(anyString(), eq(true), any(), eq("carol"))).thenReturn(decided(ReturnStatus.APPROVED, null));
    complete(task(p), withVariables(EXCHANGE_APPROVAL, "approve"));
    assertThat(p).isWaitingAt("ServiceTask_Exchange");
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(EXCHANGE_KEY, withVariables(RESERVATION_ID, "res-1"));
  }

  private ProcessInstance valued() {
    ProcessInstance p = start();
    assertThat(p).isWaitingAt("UserTask_ChooseExchangeReturns").task().isAssignedTo("alice");
    complete(task(p), withVariables(RETURN_ACTION, "quote", "returnReservation1", "res-1", "returnQuantity1", 6L,
        RETURN_REASON, "Moved to E-series"));
    verify(returns, org.mockito.Mockito.atLeastOnce()).quote(eq(p.getId()), eq(List.of(new Returns.Choice("res-1", 6))),
        eq("Moved to E-series"));
    return p;
  }

  /** What the purchase does when the agent chooses to buy its cart. */
  private void cartChosen(ProcessInstance p) {
    engine.getRuntimeService().createMessageCorrelation("ExchangeCartChosen").processInstanceId(p.getId()).correlate();
  }

  private static ReturnRequest exchange(ReturnStatus status, String rejection) {
    boolean quoted = status != ReturnStatus.CHOOSING;
    return new ReturnRequest("exchange-1", "pi", Kind.EXCHANGE, "customer-1", "Proseware Health", status, false, "alice",
        quoted ? "alice" : null, status == ReturnStatus.AWAITING_APPROVAL ? "The customer pays USD 25,000 or more on top of what is returned."
            : null, null, rejection, quoted ? "Moved to E-series" : null, quoted ? "USD" : null, quoted ? new BigDecimal("1800.00") : null,
        quoted ? new BigDecimal("1800.00") : null, quoted ? new BigDecimal("3600.00") : null, quoted ? new BigDecimal("1800.00") : null,
        quoted ? new BigDecimal("1800.00") : null, null, null, null, status == ReturnStatus.SUCCEEDED ? "order-9" : null, "purchase-pi",
        "purchase-1", null, Instant.now(), null, null,
        List.of(new ReturnRequest.Line(1, "order-1", "res-1", Returns.summary(ReturnProcessTest.RESERVATION), 6,
            quoted ? new BigDecimal("1800.00") : null, null, null, null, null)));
  }

  private static ReturnRequest decided(ReturnStatus status, String rejection) {
    ReturnRequest r = exchange(ReturnStatus.AWAITING_APPROVAL, null);
    return new ReturnRequest(r.id(), r.processInstanceId(), r.kind(), r.customerId(), r.customerName(), status, false, r.startedBy(),
        r.submittedBy(), r.approvalReason(), "carol", rejection, r.reason(), r.currency(), r.refundAmount(), r.refundUsd(),
        r.purchaseTotal(), r.netPayable(), r.netPayableUsd(), null, null, null, null, r.purchaseProcessInstanceId(), r.purchaseId(), null,
        r.createdAt(), null, null, r.lines());
  }
}
