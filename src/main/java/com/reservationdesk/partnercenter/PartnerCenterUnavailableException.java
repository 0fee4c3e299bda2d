package com.reservationdesk.partnercenter;

/**
 * Partner Center did not answer usefully: a timeout, a connection refused, throttling that lasts, a
 * 5xx. Technical, never the agent's to fix: the job that called is retried and then becomes an incident.
 */
public class PartnerCenterUnavailableException extends PartnerCenterException {

  public PartnerCenterUnavailableException(int httpStatus, String description, Throwable cause) {
    super(httpStatus, "unavailable", description);
    if (cause != null) {
      initCause(cause);
    }
  }

  @Override
  public String getMessage() {
    return description() + (httpStatus() > 0 ? " (HTTP " + httpStatus() + ")" : "");
  }
}
