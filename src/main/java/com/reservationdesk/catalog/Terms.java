package com.reservationdesk.catalog;

/** Reservation terms as the API writes them, in words an agent reads. */
public final class Terms {

  private Terms() {}

  public static int months(String termDuration) {
    return switch (termDuration) {
      case "P1Y" -> 12;
      case "P3Y" -> 36;
      case "P5Y" -> 60;
      default -> throw new IllegalArgumentException("Unknown term " + termDuration);
    };
  }

  public static String label(String termDuration) {
    return switch (termDuration) {
      case "P1Y" -> "1 year";
      case "P3Y" -> "3 years";
      case "P5Y" -> "5 years";
      default -> termDuration;
    };
  }
}
