package com.reservationdesk.pricing.retail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** How the Retail Prices API's JSON is read and written, the same for the file, the live adapter and the fake. */
public final class RetailPricesJson {

  /** Items carry more than compute prices read, and Microsoft adds fields. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private RetailPricesJson() {}
}
