package com.reservationdesk.partnercenter;

/**
 * An error answer of Partner Center: the HTTP status and the body's {@code code} and {@code description}.
 * Both adapters throw it the same way, so the process reacts the same whichever runs.
 */
public class PartnerCenterException extends RuntimeException {

  private final int httpStatus;
  private final String code;

  public PartnerCenterException(int httpStatus, String code, String description) {
    super(description);
    this.httpStatus = httpStatus;
    this.code = code;
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

  public boolean is(ErrorCode error) {
    return error.code().equals(code);
  }

  @Override
  public String toString() {
    return "Partner Center " + httpStatus + " " + code + ": " + getMessage();
  }
}
