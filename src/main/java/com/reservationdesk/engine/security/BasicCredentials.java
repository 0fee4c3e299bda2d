package com.reservationdesk.engine.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** User and password of an HTTP Basic {@code Authorization} header. */
record BasicCredentials(String user, String password) {

  private static final String PREFIX = "Basic ";

  /** The credentials of a well-formed Basic header with a user name; otherwise null. */
  static BasicCredentials parse(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
