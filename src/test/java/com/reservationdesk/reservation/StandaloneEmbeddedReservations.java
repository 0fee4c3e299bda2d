package com.reservationdesk.reservation;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.reservation.embedded.DemoReservationSeeder;
import com.reservationdesk.reservation.embedded.EmbeddedReservationInventory;
import com.reservationdesk.reservation.embedded.EmbeddedReservationReturns;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.embedded.EmbeddedUsageSource;
import com.reservationdesk.usage.embedded.UsageProfileSeeder;
import java.time.Clock;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * The embedded reservations outside the app: a standalone embedded Partner Center on the clock given (its own in-memory
 * database with the demo data), the demo usage profiles and demo reservations seeded into it, and the adapters with
 * their transactions honoured as in the app. The contract suite tests one; the fake reservation server stands on one.
 */
public final class StandaloneEmbeddedReservations {

  private final StandaloneEmbeddedPartnerCenter partnerCenter;
  private final ReservationInventory inventory;
  private final ReservationReturns returns;
  private final UsageSource usage;

  public StandaloneEmbeddedReservations(Clock clock) {
    this.partnerCenter = new StandaloneEmbeddedPartnerCenter(clock);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(partnerCenter.dataSource());
    PartnerProperties partner = new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Fake partner", "embedded", true);
    JdbcTemplate jdbc = new JdbcTemplate(partnerCenter.dataSource());
    new UsageProfileSeeder(jdbc, transactions, partner).afterPropertiesSet();
    new DemoReservationSeeder(jdbc, transactions, partner, partnerCenter.catalog(), clock, null).afterPropertiesSet();
    this.inventory = proxy(new EmbeddedReservationInventory(JdbcClient.create(partnerCenter.dataSource()), partnerCenter.catalog(), clock),
        ReservationInventory.class, transactions);
    this.returns = proxy(new EmbeddedReservationReturns(JdbcClient.create(partnerCenter.dataSource()), partnerCenter.catalog(),
        StandaloneEmbeddedPartnerCenter.currencies(), clock), ReservationReturns.class, transactions);
    this.usage = proxy(new EmbeddedUsageSource(JdbcClient.create(partnerCenter.dataSource()), partnerCenter.catalog(), clock),
        UsageSource.class, transactions);
  }

  private static <T> T proxy(T target, Class<T> type, DataSourceTransactionManager transactions) {
    ProxyFactory proxy = new ProxyFactory(target);
    proxy.addInterface(type);
    proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
    return type.cast(proxy.getProxy());
  }

  /** The adapter, as the app would call it. */
  public ReservationInventory inventory() {
    return inventory;
  }

  /** The returns and exchanges of the same reservations, as the app would call them. */
  public ReservationReturns returns() {
    return returns;
  }

  /** The embedded usage of the same demo data: what the recommendation shows. */
  public UsageSource usage() {
    return usage;
  }

  public PartnerCenter partnerCenter() {
    return partnerCenter.partnerCenter();
  }

  public StandaloneEmbeddedPartnerCenter embeddedPartnerCenter() {
    return partnerCenter;
  }
}
