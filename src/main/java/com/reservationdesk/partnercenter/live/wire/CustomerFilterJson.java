package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.CustomerSearchField;
import java.util.Arrays;

/** The customer search's {@code filter} query parameter; the API knows only {@code starts_with}. */
public record CustomerFilterJson(
    @JsonProperty("Field") String field,
    @JsonProperty("Value") String value,
    @JsonProperty("Operator") String operator) {

  public static final String STARTS_WITH = "starts_with";

  public static CustomerFilterJson startsWith(CustomerSearchField field, String prefix) {
    return new CustomerFilterJson(field.apiName(), prefix, STARTS_WITH);
  }

  /** The field searched; the company name unless the filter names the domain. */
  public CustomerSearchField searchField() {
    return Arrays.stream(CustomerSearchField.values()).filter(f -> f.apiName().equals(field)).findFirst()
        .orElse(CustomerSearchField.COMPANY_NAME);
  }
}
