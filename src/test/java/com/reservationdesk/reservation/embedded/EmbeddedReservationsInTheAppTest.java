package com.reservationdesk.reservation.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.ReservationInventory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo app seeds the demo reservations and serves them from the embedded Partner Center, on its own pool. */
@AppTest
class EmbeddedReservationsInTheAppTest {

  @Autowired ReservationInventory inventory;
  @Autowired PartnerCenter partnerCenter;

  @Test
  void theDemoAppSeedsAndServesTheDemoReservations() {
    assertThat(AopUtils.getTargetClass(inventory)).isEqualTo(EmbeddedReservationInventory.class);
    assertThat(AopUtils.isAopProxy(inventory)).as("its calls run as Partner Center calls, in transactions of their own").isTrue();
    String woodgrove = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "woodgroveconsulting.onmicrosoft.com", 1).get(0).id();
    OwnedReservation d4s = inventory.reservationsOf(woodgrove).get(0);
    assertThat(d4s.armSkuName()).isEqualTo("Standard_D4s_v5");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(inventory.utilization(woodgrove, d4s.reservationOrderId(), d4s.reservationId(), today.minusDays(7), today.minusDays(1))
        .averagePercent()).isGreaterThan(95);
    assertThat(inventory.allReservations(100, null).reservations()).hasSizeGreaterThanOrEqualTo(4);
  }
}
