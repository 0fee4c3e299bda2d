package com.reservationdesk.partnercenter;

/**
 * An error answer of Partner Center: the HTTP status and the body's {@code code} and {@code description}.
 * Both adapters throw it the same way, so the process reacts the same whichever runs.
 */
public class PartnerCenterException extends RuntimeException {

  private final int httpStatus;
  private final String code;
  private final String description;

  /** The message, which Cockpit shows as the incident's, names the error code an operator looks up. */
  public PartnerCenterException(int httpStatus, String code, String description) {
    super(description + " (Partner Center error " + code + ", HTTP " + httpStatus + ")");
    this.httpStatus = httpStatus;
    this.code = code;
    this.description = description;
  }

  public static PartnerCenterException of(ErrorCode error) {
    return new PartnerCenterException(error.httpStatus(), error.code(), error.description());
  }

  public static PartnerCenterException of(ErrorCode error, String detail) {
    return new PartnerCenterException(error.httpStatus(), error.code(), error.description() + ": " + detail);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  /** The error body's {@code description}. */
  public String description() {
    return description;
  }

  public boolean is(ErrorCode error) {
    return error.code().equals(code);
  }

}
