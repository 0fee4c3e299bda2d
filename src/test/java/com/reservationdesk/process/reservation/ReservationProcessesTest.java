package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;
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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ReservationRecord;
import com.reservationdesk.reservation.ReservationSweep;
import com.reservationdesk.reservation.ReservationWatches;
import com.reservationdesk.reservation.ReservationWatches.Kind;
import com.reservationdesk.reservation.ReservationWatches.Raised;
import com.reservationdesk.reservation.ReservationWatches.Status;
import com.reservationdesk.reservation.ScopeChanges;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Every path of the reservation processes (the two sweeps, renewal, under-use, scope change) on the real models and glue,
 * with the domain services mocked. The build fails below 100 % of flow nodes and sequence flows.
 */
@Tag("own-engine")
@Deployment(resources = {"processes/ReservationSweepProcess.bpmn", "processes/UnderUseSweepProcess.bpmn",
    "processes/ReservationRenewalProcess.bpmn", "processes/UnderUsedReservationProcess.bpmn", "processes/ReservationScopeProcess.bpmn",
    // The return and exchange themselves are ReturnProcessTest's and ExchangeProcessTest's: here, stand-ins with their keys.
    "stubs/ReservationReturnProcess.bpmn", "stubs/ReservationExchangeProcess.bpmn"})
class ReservationProcessesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(engineConfiguration()).assertClassCoverageAtLeast(1.0).build();

  static final ReservationRecord RESERVATION = new ReservationRecord("res-1", "order-1", "customer-1", "Contoso Ltd",
      "VM RI D4s_v5", "Standard_D4s_v5", "westeurope", 4, AppliedScopeType.SHARED, null, "P1Y", "upfront",
      LocalDate.parse("2025-12-01"), LocalDate.parse("2026-12-20"), false, "Succeeded", "pc-order-1", "purchase-1", "alice",
      new BigDecimal("41.5"), new BigDecimal("45.0"), List.of(40.0, 43.0), Instant.now());

  final ReservationSweep sweep = mock(ReservationSweep.class);
  final ReservationWatches watches = mock(ReservationWatches.class);
  final ScopeChanges scopes = mock(ScopeChanges.class);
  final List<String> renewalPurchases = new ArrayList<>();
  ProcessEngine engine;

  static ProcessCoverageInMemProcessEngineConfiguration engineConfiguration() {
    return com.reservationdesk.process.ProcessTestEngines.configuration("reservation-processes-test");
  }

  @BeforeEach
  void registerDelegates() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    SweepDelegates sweeps = new SweepDelegates();
    WatchTasks tasks = new WatchTasks(watches);
    Mocks.register("checkOneSweep", sweeps.checkOneSweep());
    Mocks.register("syncReservationPage", sweeps.syncReservationPage(sweep, watches, tasks, 2));
    Mocks.register("raiseUnderUsePage", sweeps.raiseUnderUsePage(watches, tasks, 2));
    DecisionDelegates decisions = new DecisionDelegates();
    Mocks.register("recordRenewalDecision", decisions.recordRenewalDecision(watches));
    // The renewal purchase itself is the purchase process's (ReservationPurchaseProcessTest, and the app tests).
    Mocks.register("openRenewalPurchase", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
        renewalPurchases.add((String) execution.getVariable(WATCH_ID)));
    Mocks.register("recordExpiredUndecided", decisions.recordExpiredUndecided(watches));
    Mocks.register("recordUnderUseDecision", decisions.recordUnderUseDecision(watches));
    Mocks.register("loadReservationScope", decisions.loadReservationScope(scopes));
    Mocks.register("applyScopeChange", decisions.applyScopeChange(scopes));
    if (engine.getIdentityService().createUserQuery().userId("alice").count() == 0) {
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser("alice"));
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("agents"));
      engine.getIdentityService().createMembership("alice", "agents");
    }
    engine.getIdentityService().setAuthenticatedUserId("alice");
    when(scopes.prepare(anyString())).thenReturn(new ScopeChanges.ScopeView(RESERVATION,
        List.of(new AzureSubscription("sub-1", "Contoso Production", AzureSubscription.AZURE_PLAN, SubscriptionStatus.ACTIVE))));
    when(watches.decide(anyString(), any(), any(), any(), any())).thenReturn(null);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theNightlySweepRefreshesPageByPage_andStartsARenewalTaskPerNotice() {
    when(sweep.syncPage(isNull(), eq(2))).thenReturn(new ReservationSweep.PageResult("page-2", List.of(RESERVATION)));
    when(sweep.syncPage(eq("page-2"), eq(2))).thenReturn(new ReservationSweep.PageResult(null, List.of()));
    when(watches.raiseRenewalNotices(List.of(RESERVATION))).thenReturn(List.of(new Raised("watch-1", Kind.RENEWAL, "FIRST", RESERVATION,
        "nobody-left")));
    when(watches.raiseRenewalNotices(List.of())).thenReturn(List.of());
    ProcessInstance sweepRun = runTimer(SWEEP_KEY);
    assertThat(sweepRun).isWaitingAt("ServiceTask_SyncPage");
    execute(job(sweepRun));
    execute(job(sweepRun));
    assertThat(sweepRun).isEnded().hasPassed("EndEvent_SweepDone").variables().containsEntry(SWEEP_PAGES, 2)
        .containsEntry(SWEEP_RESERVATIONS, 1).containsEntry(SWEEP_TASKS, 1);

    ProcessInstance renewal = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RENEWAL_KEY).singleResult();
    assertThat(renewal).hasBusinessKey("watch-1").isWaitingAt("UserTask_DecideRenewal");
    // The buyer is no agent (any more): every agent sees the task.
    assertThat(renewal).task().isNotAssigned().hasCandidateGroup("agents");
    assertThat(renewal).variables().containsEntry(RESERVATION_SCOPE, "shared").containsEntry(CUSTOMER_NAME, "Contoso Ltd");
    verify(watches).started(eq("watch-1"), eq(renewal.getId()));
  }

  @Test
  void aSecondSweepWhileOneRuns_endsAtOnce() {
    when(sweep.syncPage(any(), anyInt())).thenReturn(new ReservationSweep.PageResult(null, List.of()));
    ProcessInstance first = runTimer(UNDER_USE_SWEEP_KEY);
    ProcessInstance second = engine.getRuntimeService().startProcessInstanceByKey(UNDER_USE_SWEEP_KEY);
    assertThat(second).isEnded().hasPassed("EndEvent_SweepSkipped");
    assertThat(first).isWaitingAt("ServiceTask_RaiseUnderUse");

    ProcessInstance nightly = runTimer(SWEEP_KEY);
    ProcessInstance again = engine.getRuntimeService().startProcessInstanceByKey(SWEEP_KEY);
    assertThat(again).isEnded().hasPassed("EndEvent_SweepSkipped");
    assertThat(nightly).isWaitingAt("ServiceTask_SyncPage");
  }

  @Test
  void theWeeklySweepRaisesUnderUseTasks_theAgentChangesTheScope() {
    when(watches.raiseUnderUse(isNull(), eq(2))).thenReturn(new ReservationWatches.UnderUsePage(
        List.of(new Raised("watch-2", Kind.UNDER_USE, "2026-W49", RESERVATION, "alice")), "res-1"));
    when(watches.raiseUnderUse(eq("res-1"), eq(2))).thenReturn(new ReservationWatches.UnderUsePage(List.of(), null));
    ProcessInstance sweepRun = runTimer(UNDER_USE_SWEEP_KEY);
    execute(job(sweepRun));
    execute(job(sweepRun));
    assertThat(sweepRun).isEnded().hasPassed("EndEvent_SweepDone");
    ProcessInstance underUse = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(UNDER_USE_KEY).singleResult();
    assertThat(underUse).isWaitingAt("UserTask_DecideUnderUse").task().isAssignedTo("alice");

    complete(task(underUse), withVariables(UNDER_USE_ACTION, "changeScope"));
    verify(watches).decide("watch-2", Status.SCOPE_CHANGE, null, "alice", null);
    ProcessInstance scope = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SCOPE_KEY).singleResult();
    assertThat(scope).isWaitingAt("UserTask_ChangeScope").task().isAssignedTo("alice");
    complete(task(scope), withVariables(SCOPE_ACTION, "apply", NEW_SCOPE, "single", SCOPE_SUBSCRIPTION, "sub-1"));
    verify(scopes).apply("res-1", "single", "sub-1", "alice", scope.getId());
    assertThat(scope).isEnded().hasPassed("EndEvent_ScopeApplied");
    assertThat(underUse).isEnded().hasPassed("EndEvent_ScopeChanged");
  }

  @Test
  void underUse_returnedOrExchanged_byTheAgentWhoDecided_orKeptWithAReason() {
    ProcessInstance exchange = underUse("watch-3");
    complete(task(exchange), withVariables(UNDER_USE_ACTION, "planExchange", UNDER_USE_REASON, "Exchange for E-series"));
    verify(watches).decide("watch-3", Status.EXCHANGE_PLANNED, "Exchange for E-series", "alice", null);
    ProcessInstance exchanging = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ReservationExchangeProcess")
        .singleResult();
    assertThat(exchanging).task().isAssignedTo("alice");
    assertThat(exchanging).variables().containsEntry(RESERVATION_ID, "res-1");
    complete(task(exchanging));
    assertThat(exchange).isEnded().hasPassed("EndEvent_ExchangeDone");

    ProcessInstance returned = underUse("watch-6");
    complete(task(returned), withVariables(UNDER_USE_ACTION, "return", UNDER_USE_REASON, "Project ended"));
    verify(watches).decide("watch-6", Status.RETURN_PLANNED, "Project ended", "alice", null);
    ProcessInstance returning = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ReservationReturnProcess")
        .singleResult();
    assertThat(returning).task().isAssignedTo("alice");
    complete(task(returning));
    assertThat(returned).isEnded().hasPassed("EndEvent_ReturnDone");

    ProcessInstance kept = underUse("watch-4");
    complete(task(kept), withVariables(UNDER_USE_ACTION, "keep", UNDER_USE_REASON, "Month-end batch needs it"));
    verify(watches).decide("watch-4", Status.KEPT, "Month-end batch needs it", "alice", null);
    assertThat(kept).isEnded().hasPassed("EndEvent_Kept");

    ProcessInstance refused = underUse("watch-5");
    Map<String, Object> nonsense = withVariables(UNDER_USE_ACTION, "returnIt");
    assertThatThrownBy(() -> complete(task(refused), nonsense)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Choose what to do");
    assertThat(refused).isWaitingAt("UserTask_DecideUnderUse");
  }

  @Test
  void renewal_renewOpensThePurchase_letExpireNeedsAReason_expiryEndsIt() {
    ProcessInstance renew = renewal("watch-6");
    complete(task(renew), withVariables(RENEWAL_ACTION, "renew"));
    verify(watches).decide("watch-6", Status.RENEWED, null, "alice", null);
    org.assertj.core.api.Assertions.assertThat(renewalPurchases).containsExactly("watch-6");
    assertThat(renew).isEnded().hasPassed("EndEvent_RenewalPurchaseOpened");

    ProcessInstance letExpire = renewal("watch-7");
    complete(task(letExpire), withVariables(RENEWAL_ACTION, "letExpire", RENEWAL_REASON, "Moving to a savings plan"));
    verify(watches).decide("watch-7", Status.LET_EXPIRE, "Moving to a savings plan", "alice", null);
    assertThat(letExpire).isEnded().hasPassed("EndEvent_LeftToExpire");

    ProcessInstance undecided = renewal("watch-8");
    execute(job(undecided));
    verify(watches).decide("watch-8", Status.EXPIRED_UNDECIDED, null, null, null);
    assertThat(undecided).isEnded().hasPassed("EndEvent_ExpiredUndecided");
  }

  @Test
  void anAgentStartsAScopeChangeWithTheReservationsId_andMayCancel() {
    ProcessInstance scope = engine.getRuntimeService().createProcessInstanceByKey(SCOPE_KEY)
        .setVariables(Map.of(RESERVATION_ID, "res-1", STARTED_BY, "alice")).execute();
    assertThat(scope).isWaitingAt("UserTask_ChangeScope").variables().containsKey(SCOPE_SUBSCRIPTION_OPTIONS)
        .containsEntry(RESERVATION_SUMMARY, "4 \u00d7 Standard_D4s_v5 \u00b7 westeurope \u00b7 1 year, upfront (VM RI D4s_v5)");
    complete(task(scope), withVariables(SCOPE_ACTION, "cancel"));
    assertThat(scope).isEnded().hasPassed("EndEvent_ScopeUnchanged");
  }

  private ProcessInstance renewal(String watchId) {
    Map<String, Object> variables = ReservationRows.display(RESERVATION);
    variables.put(WATCH_ID, watchId);
    variables.put(RENEWAL_AGENT, "alice");
    variables.put(RESERVATION_EXPIRES_AT, ReservationRows.expiresAt(RESERVATION));
    return engine.getRuntimeService().startProcessInstanceByKey(RENEWAL_KEY, watchId, variables);
  }

  private ProcessInstance underUse(String watchId) {
    Map<String, Object> variables = ReservationRows.display(RESERVATION);
    variables.put(WATCH_ID, watchId);
    variables.put(UNDER_USE_AGENT, "alice");
    return engine.getRuntimeService().startProcessInstanceByKey(UNDER_USE_KEY, watchId, variables);
  }

  /** What the scheduler does at the timer's time: execute the timer start event's job. */
  private ProcessInstance runTimer(String key) {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(key).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).orderByProcessInstanceId().desc().list()
        .get(0);
  }

  private Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }
}
