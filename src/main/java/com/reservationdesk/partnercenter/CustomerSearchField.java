package com.reservationdesk.partnercenter;

/** The fields the customer search filter accepts ({@code "Field"} in the API's filter). */
public enum CustomerSearchField {
  COMPANY_NAME("CompanyName"),
  DOMAIN("Domain");

  private final String apiName;

  CustomerSearchField(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
