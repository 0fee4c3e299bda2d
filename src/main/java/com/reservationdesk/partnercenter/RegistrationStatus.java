package com.reservationdesk.partnercenter;

/** {@code GET …/registrationstatus}: whether an Azure subscription may buy reservations yet. */
public enum RegistrationStatus {
  REGISTERED("registered"),
  REGISTERING("registering"),
  NOT_REGISTERED("notregistered");

  private final String apiName;

  RegistrationStatus(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static RegistrationStatus fromApi(String value) {
    for (RegistrationStatus status : values()) {
      if (status.apiName.equalsIgnoreCase(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown registration status " + value);
  }
}
