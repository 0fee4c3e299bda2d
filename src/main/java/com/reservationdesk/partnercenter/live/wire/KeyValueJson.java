package com.reservationdesk.partnercenter.live.wire;

/** A {@code {key, value}} pair: a cart line's participant, a header of the next page's request. */
public record KeyValueJson(String key, String value) {}
