package com.reservationdesk.catalog;

import java.util.List;

/**
 * The offers a filter found, cheapest first and capped, with a sentence for the agent.
 *
 * @param totalMatches how many match in all, before the cap
 * @param priceNote where the prices come from and how they were converted
 */
public record CatalogSearchResult(List<ReservationOffer> offers, int totalMatches, String message, String priceNote) {}
