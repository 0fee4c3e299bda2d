package com.reservationdesk.catalog;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog of the main markets in the background once the app is up, so the first agent's
 * search does not wait for it. With the live Partner Center a market's catalog is hundreds of calls;
 * a search that comes first simply waits for the same reading, never starts a second one.
 */
@Component
class CatalogWarmUp {

  private static final Logger log = LoggerFactory.getLogger(CatalogWarmUp.class);

  private final CatalogService catalog;
  private final List<String> markets;

  CatalogWarmUp(CatalogService catalog, @Value("${reservation-desk.catalog.warm-up-markets:US}") List<String> markets) {
    this.catalog = catalog;
    this.markets = markets;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    if (markets.isEmpty()) {
      return;
    }
    Thread thread = new Thread(() -> {
      for (String market : markets) {
        long started = System.nanoTime();
        try {
          catalog.index(market.trim());
          log.info("Reservation catalog of {} ready in {} ms", market.trim(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
          // The first search reads it again; its job retries and becomes an incident if Partner Center stays away.
          log.warn("Could not read the reservation catalog of {} ahead of the first search: {}", market.trim(), e.getMessage());
        }
      }
    }, "catalog-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
