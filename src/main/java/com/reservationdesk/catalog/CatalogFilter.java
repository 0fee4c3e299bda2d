package com.reservationdesk.catalog;

/**
 * What an agent filters the reservation catalog by.
 *
 * @param region an {@code armRegionName}, or {@code any}
 * @param size part of a VM size or family ({@code D4s}, {@code esv5}), case-insensitive; empty for all
 * @param term {@code P1Y}, {@code P3Y}, {@code P5Y} or {@code any}
 * @param billingPlan {@code upfront} or {@code monthly}
 */
public record CatalogFilter(String region, String size, String term, String billingPlan) {

  public static final String ANY = "any";
}
