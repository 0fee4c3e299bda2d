package com.reservationdesk.process.refund;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.process.reservation.ReservationVariables;
import com.reservationdesk.security.Roles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reservations page's buttons: a scope change, a return or an exchange of that row's reservation, started for the
 * logged-in agent exactly as Tasklist's start form would (the engine's authenticated user starts it, with the start
 * form's one field), then Tasklist opened at its first task. A reservation the process refuses (expired, not in
 * effect) comes back to the page with the sentence. POST only, with Spring Security's CSRF token.
 */
@Controller
public class StartFromThePageController {

  /** What a button starts. */
  enum Start {
    SCOPE(ReservationVariables.SCOPE_KEY), RETURN(ReturnVariables.RETURN_KEY), EXCHANGE(ReturnVariables.EXCHANGE_KEY);

    final String processKey;

    Start(String processKey) {
      this.processKey = processKey;
    }
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  public StartFromThePageController(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  @PostMapping("/reservations/{reservationId}/{action:scope|return|exchange}")
  public String start(@PathVariable String reservationId, @PathVariable String action,
      @RequestParam(required = false) String customerId, Authentication user) {
    String back = "/reservations" + (customerId == null || customerId.isBlank() ? "?" : "?customerId=" + encode(customerId) + "&");
    List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (!groups.contains(Roles.AGENTS)) {
      return "redirect:" + back + "notice=" + encode("Only agents change, return or exchange reservations.");
    }
    Start start = Start.valueOf(action.toUpperCase(java.util.Locale.ROOT));
    ProcessInstance started;
    identity.setAuthentication(user.getName(), groups);
    try {
      started = runtime.startProcessInstanceByKey(start.processKey, Map.of(ReservationVariables.RESERVATION_ID, reservationId));
    } catch (InvalidInputException refused) {
      return "redirect:" + back + "notice=" + encode(refused.getMessage());
    } catch (ProcessEngineException failed) {
      Throwable cause = failed.getCause();
      return "redirect:" + back + "notice=" + encode(cause instanceof InvalidInputException refused ? refused.getMessage()
          : "This could not be started; try again, or start it in Tasklist with the reservation's id.");
    } finally {
      identity.clearAuthentication();
    }
    Task first = tasks.createTaskQuery().processInstanceId(started.getId()).taskAssignee(user.getName()).singleResult();
    return "redirect:/camunda/app/tasklist/default/" + (first == null ? "" : "#/?task=" + first.getId());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
