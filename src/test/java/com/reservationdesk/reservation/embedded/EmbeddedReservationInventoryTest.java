package com.reservationdesk.reservation.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.ReservationBulkSeed;
import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationInventoryContract;
import com.reservationdesk.reservation.ReservationPage;
import com.reservationdesk.reservation.ReservationUtilization;
import com.reservationdesk.reservation.StandaloneEmbeddedReservations;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.VmUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What only the embedded adapter can show: the same hours as the usage, the demo seed's rules, and paging at scale. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedReservationInventoryTest {

  private static final Clock CLOCK = ReservationInventoryContract.CLOCK;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  private final StandaloneEmbeddedReservations embedded = new StandaloneEmbeddedReservations(CLOCK);
  private final ReservationInventory inventory = embedded.inventory();

  @Test
  void utilization_usesTheHoursTheUsageReportsAsCovered_soTheRecommendationAndTheReservationAgree() {
    for (String name : List.of("Woodgrove Consulting", "Proseware Health")) {
      String customer = embedded.embeddedPartnerCenter().customer(name).id();
      OwnedReservation reservation = inventory.reservationsOf(customer).get(0);
      VmUsage usage = embedded.usage().vmUsage(customer, LookBack.LAST_7_DAYS).stream()
          .filter(s -> s.armSkuName().equals(reservation.armSkuName())).findFirst().orElseThrow();
      // The usage's 7 days end at the current hour (10:00); the summaries' whole days 6 days back up to it cover 154 of those hours.
      ReservationUtilization week = inventory.utilization(customer, reservation.reservationOrderId(), reservation.reservationId(),
          TODAY.minusDays(6), TODAY);
      double usedPerHour = week.usedHours() / (week.reservedHours() / reservation.quantity());
      double coveredPerHour = usage.coveredHours() / usage.hourly().length;
      assertThat(usedPerHour).as("%s: instances covered per hour", name).isCloseTo(coveredPerHour, within(0.02 * coveredPerHour));
      assertThat(week.days()).hasSize(7);
      assertThat(week.days().get(6).reservedHours()).as("today up to the hour that ended").isEqualTo(reservation.quantity() * 10.0);
    }
  }

  @Test
  void theDemoSeed_fillsAnEmptyTableOnly_andNotWithoutDemoData() {
    StandaloneEmbeddedReservations fresh = new StandaloneEmbeddedReservations(CLOCK);
    JdbcTemplate jdbc = new JdbcTemplate(fresh.embeddedPartnerCenter().dataSource());
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(fresh.embeddedPartnerCenter().dataSource());
    assertThat(jdbc.queryForObject("select count(*) from pc_reservation", Integer.class)).isEqualTo(4);
    new DemoReservationSeeder(jdbc, transactions, partner(true), fresh.embeddedPartnerCenter().catalog(), CLOCK, null).afterPropertiesSet();
    assertThat(jdbc.queryForObject("select count(*) from pc_reservation", Integer.class)).as("seeded once").isEqualTo(4);
    jdbc.update("delete from pc_reservation");
    jdbc.update("delete from pc_reservation_order");
    new DemoReservationSeeder(jdbc, transactions, partner(false), fresh.embeddedPartnerCenter().catalog(), CLOCK, null).afterPropertiesSet();
    assertThat(jdbc.queryForObject("select count(*) from pc_reservation", Integer.class)).as("no demo data wanted").isZero();
  }

  @Test
  void atScale_thePartnerWideListingPagesBySql_andUtilizationOfASeededReservationIsQuick() {
    StandaloneEmbeddedReservations large = new StandaloneEmbeddedReservations(CLOCK);
    ReservationBulkSeed.Seeded seeded = ReservationBulkSeed.seed(large.embeddedPartnerCenter().dataSource(), 1_000, 20, 7, CLOCK);
    assertThat(seeded.reservations()).isEqualTo(20_000);
    assertThat(seeded.took().toSeconds()).as("batch inserts").isLessThan(60);

    Set<String> seen = new HashSet<>();
    String continuation = null;
    int pages = 0;
    long started = System.nanoTime();
    do {
      ReservationPage page = large.inventory().allReservations(1_000, continuation);
      assertThat(page.reservations()).hasSizeLessThanOrEqualTo(1_000);
      page.reservations().forEach(r -> assertThat(seen.add(r.reservationId())).as("once").isTrue());
      continuation = page.continuation();
      pages++;
    } while (continuation != null);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(seen).hasSize(20_000 + 4);
    assertThat(pages).isEqualTo(21);
    assertThat(millis / pages).as("ms a page of 1,000 (generous: a loaded 2-core machine)").isLessThan(2_000);

    String customer = seeded.customerIds().get(500);
    OwnedReservation reservation = large.inventory().reservationsOf(customer).get(0);
    assertThat(reservation.quantity()).isBetween(1L, 20L);
    started = System.nanoTime();
    ReservationUtilization utilization = null;
    for (int i = 0; i < 50; i++) {
      utilization = large.inventory().utilization(customer, reservation.reservationOrderId(), reservation.reservationId(),
          TODAY.minusDays(90), TODAY.minusDays(1));
    }
    assertThat((System.nanoTime() - started) / 1_000_000 / 50).as("ms a 90-day utilization").isLessThan(500);
    assertThat(utilization.days()).isNotEmpty().allSatisfy(day -> {
      assertThat(day.averagePercent()).isBetween(5.0, 100.0);
      assertThat(day.minimumPercent()).isLessThanOrEqualTo(day.averagePercent());
      assertThat(day.maximumPercent()).isBetween(day.averagePercent(), 100.0);
    });
    assertThat(large.inventory().utilization(customer, reservation.reservationOrderId(), reservation.reservationId(), TODAY.minusDays(90),
        TODAY.minusDays(1))).as("deterministic").isEqualTo(utilization);
  }

  private static PartnerProperties partner(boolean seed) {
    return new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Test", "embedded", seed);
  }
}
