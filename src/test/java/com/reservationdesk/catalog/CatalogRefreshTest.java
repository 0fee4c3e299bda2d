package com.reservationdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterUnavailableException;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog is read once per market, read again after its refresh period (in the background: the search that
 * notices the period is over still uses the catalog already read), and kept when a refresh fails.
 */
class CatalogRefreshTest {

  private final List<ReservationSku> all = StandaloneEmbeddedPartnerCenter.catalogSkus();

  @Test
  void readsOnce_thenAgainAfterTheRefreshPeriod_andKeepsWhatItHadWhenPartnerCenterFails() throws Exception {
    PartnerCenter partnerCenter = mock(PartnerCenter.class);
    List<ReservationSku> first = all.subList(0, 100);
    List<ReservationSku> second = all.subList(0, 200);
    when(partnerCenter.getReservationSkus("US")).thenReturn(first).thenReturn(second)
        .thenThrow(new PartnerCenterUnavailableException(503, "Partner Center failed; try again in a minute", null));
    CatalogService catalog = new CatalogService(partnerCenter, StandaloneEmbeddedPartnerCenter.currencies(), 25, Duration.ofMillis(200));

    assertThat(catalog.index("US").size()).isEqualTo(100);
    assertThat(catalog.index("US").size()).as("within the period: the same catalog, no call").isEqualTo(100);
    verify(partnerCenter, times(1)).getReservationSkus("US");

    Thread.sleep(250);
    assertThat(eventually(() -> catalog.index("US").size(), 200)).as("after the period: read again").isEqualTo(200);
    Thread.sleep(250);
    catalog.index("US");
    verify(partnerCenter, timeout(5_000).times(3)).getReservationSkus("US");
    assertThat(catalog.index("US").size()).as("a failed refresh keeps the catalog already read").isEqualTo(200);
  }

  /** The value once it is the one expected, or the last one seen after five seconds. */
  private static int eventually(java.util.function.IntSupplier value, int expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    int seen = value.getAsInt();
    while (seen != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      seen = value.getAsInt();
    }
    return seen;
  }
}
