package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An item of {@code GET /products?targetView=…}. */
public record ProductJson(String id, String title, @JsonInclude(JsonInclude.Include.NON_NULL) ProductType productType) {

  public record ProductType(String id, String displayName) {}
}
