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
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.refund.RefundBudget;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.ReturnStatus;
import com.reservationdesk.refund.Returns;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ReservationRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Every path of the return process on the real model, forms' fields and glue, with the ledger service mocked (its own
 * behaviour is RefundBudgetTest's): choose, quote, review, the budget's refusal, approval and rejection, Azure's
 * operation polled until it ends. The build fails below 100 % of flow nodes and sequence flows.
 */
@Tag("own-engine")
@Deployment(resources = "processes/ReservationReturnProcess.bpmn")
class ReturnProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(engineConfiguration()).assertClassCoverageAtLeast(1.0).build();

  static final ReservationRecord RESERVATION = new ReservationRecord("res-1", "order-1", "customer-1", "Proseware Health",
      "VM RI E8s_v5", "Standard_E8s_v5", "eastus", 8, AppliedScopeType.SHARED, null, "P1Y", "upfront",
      LocalDate.parse("2026-02-01"), LocalDate.parse("2027-02-01"), false, "Succeeded", "pc-order-1", null, null,
      new BigDecimal("25.0"), new BigDecimal("25.3"), List.of(25.0), Instant.now());
  static final RefundBudget BUDGET = new RefundBudget("customer-1", new BigDecimal("50000.00"), new BigDecimal("12000.00"),
      new BigDecimal("38000.00"), 365, LocalDate.parse("2025-12-01"), 1);

  final Returns returns = mock(Returns.class);
  ProcessEngine engine;

  static ProcessCoverageInMemProcessEngineConfiguration engineConfiguration() {
    return com.reservationdesk.process.ProcessTestEngines.configuration("return-process-test");
  }

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ReturnDelegates glue = new ReturnDelegates();
    Mocks.register("openReturn", glue.openReturn(returns));
    Mocks.register("quoteReturn", glue.quoteReturn(returns));
    Mocks.register("submitReturn", glue.submitReturn(returns));
    Mocks.register("prepareReturnApproval", glue.prepareReturnApproval(returns));
    Mocks.register("recordReturnApproval", glue.recordReturnApproval(returns));
    Mocks.register("startReturn", glue.startReturn(returns));
    Mocks.register("checkReturn", glue.checkReturn(returns));
    engine.getIdentityService().setAuthenticatedUserId("alice");
    when(returns.open(anyString(), eq(Kind.RETURN), eq("alice"), eq("res-1"))).thenReturn(request(ReturnStatus.CHOOSING, null));
    when(returns.require(anyString())).thenReturn(request(ReturnStatus.QUOTED, new BigDecimal("1800.00")));
    when(returns.returnable("customer-1")).thenReturn(List.of(RESERVATION));
    when(returns.budget("customer-1")).thenReturn(BUDGET);
    when(returns.quote(anyString(), any(), any())).thenReturn(request(ReturnStatus.QUOTED, new BigDecimal("1800.00")));
    when(returns.startReturn(anyString())).thenReturn(request(ReturnStatus.RUNNING, new BigDecimal("1800.00")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theAgentChoosesAzureQuotes_withinTheBudgetWithoutApproval_AzureReturnsWhilePolled() {
    ProcessInstance p = start();
    assertThat(p).isWaitingAt("UserTask_ChooseReturn").task().isAssignedTo("alice");
    // What the form shows comes from the ledger: the customer's reservations, line 1 filled in, the budget.
    assertThat(p).variables().containsEntry(CUSTOMER_NAME, "Proseware Health").containsEntry("returnReservation1", "res-1")
        .containsEntry("returnQuantity1", 8L).containsEntry(REFUND_BUDGET, BUDGET.describe() + ".");

    complete(task(p), withVariables(RETURN_ACTION, "quote", "returnReservation1", "res-1", "returnQuantity1", 6,
        "returnReservation2", "", RETURN_REASON, "Workload moved to containers"));
    verify(returns).quote(anyString(), eq(List.of(new Returns.Choice("res-1", 6))), eq("Workload moved to containers"));
    assertThat(p).isWaitingAt("UserTask_ReviewReturn").variables().containsEntry(REFUND_TOTAL, "$1,800.00");

    when(returns.submit(anyString(), eq("alice"))).thenReturn(new Returns.Submission(Returns.Submitted.CLEARED, null, BUDGET));
    complete(task(p), withVariables(REVIEW_ACTION, "submit"));
    assertThat(p).isWaitingAt("ServiceTask_Return");
    execute(job(p));
    verify(returns).startReturn(p.getId());
    when(returns.checkReturn(p.getId())).thenReturn(false);
    execute(job(p));
    assertThat(p).isWaitingAt("TimerEvent_WaitForAzure");
    execute(job(p));
    when(returns.checkReturn(p.getId())).thenReturn(true);
    when(returns.require(anyString())).thenReturn(request(ReturnStatus.SUCCEEDED, new BigDecimal("1800.00")));
    execute(job(p));
    assertThat(p).isWaitingAt("UserTask_ReturnDone").task().isAssignedTo("alice");
    assertThat(p).variables().containsEntry(RETURN_OUTCOME, "Azure returned everything. The refund goes to the customer's billing account.");
    complete(task(p));
    assertThat(p).isEnded().hasPassed("EndEvent_ReturnDone");
  }

  @Test
  void aWrongChoiceLeavesTheTaskOpen_cancellingEndsIt() {
    ProcessInstance p = start();
    Map<String, Object> noQuantity = withVariables(RETURN_ACTION, "quote", "returnReservation1", "res-1", "returnQuantity1", "six",
        RETURN_REASON, "x");
    assertThatThrownBy(() -> complete(task(p), noQuantity)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Line 1: how many to return, a whole number.");
    Map<String, Object> nonsense = withVariables(RETURN_ACTION, "returnEverything");
    assertThatThrownBy(() -> complete(task(p), nonsense)).hasMessageStartingWith("Choose whether to ask Azure");
    assertThat(p).isWaitingAt("UserTask_ChooseReturn");
    complete(task(p), withVariables(RETURN_ACTION, "cancel"));
    verify(returns).cancel(p.getId());
    assertThat(p).isEnded().hasPassed("EndEvent_CancelledWhileChoosing");
  }

  @Test
  void overTheBudget_theReviewShowsTheNumbers_theAgentChangesThenCancels() {
    ProcessInstance p = quoted();
    when(returns.submit(anyString(), eq("alice"))).thenReturn(new Returns.Submission(Returns.Submitted.OVER_BUDGET,
        "This return would give back USD 41,000.00, but the customer has USD 38,000.00 of refund budget left", BUDGET));
    complete(task(p), withVariables(REVIEW_ACTION, "submit"));
    assertThat(p).isWaitingAt("UserTask_ReviewReturn").variables().containsEntry(RETURN_NOTE,
        "This return would give back USD 41,000.00, but the customer has USD 38,000.00 of refund budget left");
    complete(task(p), withVariables(REVIEW_ACTION, "change"));
    assertThat(p).isWaitingAt("UserTask_ChooseReturn");
    complete(task(p), withVariables(RETURN_ACTION, "quote", "returnReservation1", "res-1", "returnQuantity1", 2L, RETURN_REASON, "Less"));
    assertThat(p).isWaitingAt("UserTask_ReviewReturn").variables().containsEntry(RETURN_NOTE, null);
    complete(task(p), withVariables(REVIEW_ACTION, "cancel"));
    verify(returns).cancel(p.getId());
    assertThat(p).isEnded().hasPassed("EndEvent_CancelledAtReview");
  }

  @Test
  void anApproverReadsTheLedgerRejects_thenApprovesTheChangedReturn() {
    ProcessInstance p = quoted();
    when(returns.submit(anyString(), eq("alice"))).thenReturn(new Returns.Submission(Returns.Submitted.NEEDS_APPROVAL,
        "A refund of USD 10,000 or more needs an approver.", BUDGET));
    ReturnRequest awaiting = request(ReturnStatus.AWAITING_APPROVAL, new BigDecimal("12000.00"));
    when(returns.require(anyString())).thenReturn(awaiting);
    complete(task(p), withVariables(REVIEW_ACTION, "submit"));
    assertThat(p).isWaitingAt("UserTask_ApproveReturn").task().hasCandidateGroup("approvers").isNotAssigned();
    String approval = task(p).getId();
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(approval);
    org.assertj.core.api.Assertions.assertThat(shown).containsEntry(REQUESTED_BY, "alice")
        .containsEntry(APPROVAL_REASON, "A refund of USD 10,000 or more needs an approver.").containsEntry(REFUND_TOTAL, "$12,000.00")
        .containsEntry(RETURN_REASON, "Workload moved to containers");

    engine.getIdentityService().setAuthenticatedUserId("carol");
    when(returns.decide(anyString(), eq(false), eq("Return fewer"), eq("carol"))).thenReturn(decided(ReturnStatus.REJECTED, "Return fewer"));
    complete(task(p), withVariables(APPROVAL_DECISION, "reject", REJECTION_REASON, "Return fewer"));
    assertThat(p).isWaitingAt("UserTask_ReviewReturn").variables().containsEntry(RETURN_NOTE, "Rejected by carol: Return fewer")
        .doesNotContainKey(APPROVAL_DECISION);

    engine.getIdentityService().setAuthenticatedUserId("alice");
    complete(task(p), withVariables(REVIEW_ACTION, "submit"));
    engine.getIdentityService().setAuthenticatedUserId("carol");
    when(returns.decide(anyString(), eq(true), any(), eq("carol"))).thenReturn(decided(ReturnStatus.APPROVED, null));
    complete(task(p), withVariables(APPROVAL_DECISION, "approve"));
    assertThat(p).isWaitingAt("ServiceTask_Return");
    verify(returns, org.mockito.Mockito.times(2)).decide(anyString(), anyBoolean(), any(), eq("carol"));
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(RETURN_KEY, withVariables(RESERVATION_ID, "res-1"));
  }

  private ProcessInstance quoted() {
    ProcessInstance p = start();
    complete(task(p), withVariables(RETURN_ACTION, "quote", "returnReservation1", "res-1", "returnQuantity1", 6L,
        RETURN_REASON, "Workload moved to containers"));
    assertThat(p).isWaitingAt("UserTask_ReviewReturn");
    return p;
  }

  private static ReturnRequest request(ReturnStatus status, BigDecimal refund) {
    return new ReturnRequest("return-1", "pi", Kind.RETURN, "customer-1", "Proseware Health", status, true, "alice",
        status == ReturnStatus.CHOOSING ? null : "alice", status == ReturnStatus.AWAITING_APPROVAL
            ? "A refund of USD 10,000 or more needs an approver." : null, null, null,
        status == ReturnStatus.CHOOSING ? null : "Workload moved to containers", refund == null ? null : "USD", refund, refund, null,
        null, null, null, null, null, null, null, null, null, Instant.now(), null, null,
        List.of(new ReturnRequest.Line(1, "order-1", "res-1", Returns.summary(RESERVATION), refund == null ? 8 : 6, refund, null, null,
            status == ReturnStatus.SUCCEEDED ? "SUCCEEDED" : null, null)));
  }

  private static ReturnRequest decided(ReturnStatus status, String rejection) {
    ReturnRequest r = request(ReturnStatus.AWAITING_APPROVAL, new BigDecimal("12000.00"));
    return new ReturnRequest(r.id(), r.processInstanceId(), r.kind(), r.customerId(), r.customerName(), status, true, r.startedBy(),
        r.submittedBy(), r.approvalReason(), "carol", rejection, r.reason(), r.currency(), r.refundAmount(), r.refundUsd(), null, null,
        null, null, null, null, null, null, null, null, r.createdAt(), null, null, r.lines());
  }
}
