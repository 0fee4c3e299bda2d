package com.reservationdesk.partnercenter;

import java.util.Arrays;

/**
 * A reservation's term, in every spelling the systems use: ISO 8601 as the cart and the catalog write it
 * ({@code P1Y}), Partner Center's provisioning context ({@code 1Year}), the Retail Prices API
 * ({@code 1 Year}), and the words an agent reads ({@code 1 year}).
 */
public enum Term {
  ONE_YEAR("P1Y", 12, "1Year", "1 Year", "1 year"),
  THREE_YEARS("P3Y", 36, "3Years", "3 Years", "3 years"),
  FIVE_YEARS("P5Y", 60, "5Years", "5 Years", "5 years");

  private final String iso;
  private final int months;
  private final String duration;
  private final String title;
  private final String label;

  Term(String iso, int months, String duration, String title, String label) {
    this.iso = iso;
    this.months = months;
    this.duration = duration;
    this.title = title;
    this.label = label;
  }

  /** As the cart's {@code termDuration} and the catalog write it: {@code P1Y}. */
  public String iso() {
    return iso;
  }

  public int months() {
    return months;
  }

  /** As a provisioning context's {@code duration} and the catalog's {@code dynamicAttributes.duration}: {@code 1Year}. */
  public String duration() {
    return duration;
  }

  /** As titles and the Retail Prices API's {@code reservationTerm} write it: {@code 1 Year}. */
  public String title() {
    return title;
  }

  /** In words: {@code 1 year}. */
  public String label() {
    return label;
  }

  /** The term of an ISO period ({@code P3Y}). */
  public static Term of(String iso) {
    return Arrays.stream(values()).filter(t -> t.iso.equals(iso)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown term " + iso));
  }

  public static boolean isTerm(String iso) {
    return Arrays.stream(values()).anyMatch(t -> t.iso.equals(iso));
  }

  /** The term of Partner Center's {@code 1Year}, {@code 3Years}. */
  public static Term ofDuration(String duration) {
    return Arrays.stream(values()).filter(t -> t.duration.equalsIgnoreCase(duration)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown term duration " + duration));
  }

  /** The term of the Retail Prices API's {@code 1 Year}, {@code 3 Years}; null for one it does not sell as a reservation. */
  public static Term ofRetail(String reservationTerm) {
    return Arrays.stream(values()).filter(t -> t.title.equalsIgnoreCase(reservationTerm)).findFirst().orElse(null);
  }

  /** The words for an ISO period; the period itself when it is none of these. */
  public static String label(String iso) {
    return isTerm(iso) ? of(iso).label() : iso;
  }
}
