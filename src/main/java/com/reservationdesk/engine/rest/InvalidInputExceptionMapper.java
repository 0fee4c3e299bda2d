package com.reservationdesk.engine.rest;

import com.reservationdesk.common.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value an API client submitted with a task that the check after the task rejected: 400 with the
 * message that says what to fix, in the shape of Camunda's own REST errors, instead of a 500.
 */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("message", exception.getMessage());
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
