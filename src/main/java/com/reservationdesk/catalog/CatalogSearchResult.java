package com.reservationdesk.catalog;

import java.util.List;

/** The offers a filter found, cheapest first and capped, with a sentence for the agent. */
public record CatalogSearchResult(List<ReservationOffer> offers, int totalMatches, String message) {}
