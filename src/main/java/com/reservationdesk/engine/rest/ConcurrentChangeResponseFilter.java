package com.reservationdesk.engine.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Two people completing the same task at once: Camunda answers the loser with a 500 about a missing
 * task or an entity version. Tasklist shows that text to the agent, so it becomes a sentence that
 * says what happened: 404 when the task is gone, 409 when it changed under them.
 */
@Provider
public class ConcurrentChangeResponseFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 500 || !(response.getEntity() instanceof ExceptionDto error) || error.getMessage() == null) {
      return;
    }
    if (error.getMessage().contains("Cannot find task with id")) {
      replace(response, 404, "This task was already completed, perhaps by someone else at the same moment. Reload the task list.");
    } else if (error.getMessage().contains("ENGINE-03005")) {
      replace(response, 409, "Someone else completed or changed this task at the same moment. Reload the task list and open the "
          + "purchase's current task.");
    }
  }

  private static void replace(ContainerResponseContext response, int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == 404 ? "TaskNotFound" : "ConcurrentChange");
    body.put("message", message);
    body.put("code", null);
    response.setStatus(status);
    response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
  }
}
