package com.reservationdesk.partnercenter;

import com.reservationdesk.partnercenter.embedded.DemoDataSeeder;
import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenter;
import com.reservationdesk.partnercenter.embedded.PartnerCenterIds;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.partnercenter.pricelist.RetailPriceListProperties;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.pricing.PricingProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * The embedded Partner Center outside the app: its own in-memory H2 database (the app's migrations),
 * the demo data, the configured catalog and currencies, and its {@code @Transactional} methods honoured
 * as in the app. The fake Partner Center server stands on one; the shared contract suite tests one.
 */
public final class StandaloneEmbeddedPartnerCenter {

  private static StandardEnvironment config;
  private static RetailPriceList sharedCatalog;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final PartnerCenter partnerCenter;
  private final RetailPriceList catalog;

  public StandaloneEmbeddedPartnerCenter() {
    this(Clock.systemUTC());
  }

  /** On a clock of the test's: the checkout's purchase dates and carts follow it. */
  public StandaloneEmbeddedPartnerCenter(Clock clock) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:partner-center-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    this.dataSource = h2;
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    PartnerProperties partner = new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Fake partner", "embedded", true);
    Currencies currencies = currencies();
    this.catalog = sharedCatalog();
    this.jdbc = JdbcClient.create(h2);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
    new DemoDataSeeder(new JdbcTemplate(h2), transactions, partner, clock).afterPropertiesSet();
    EmbeddedPartnerCenter target = new EmbeddedPartnerCenter(jdbc, partner, new PartnerCenterIds(), catalog, currencies, clock,
        Duration.ZERO);
    ProxyFactory proxy = new ProxyFactory(target);
    proxy.addInterface(PartnerCenter.class);
    proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
    this.partnerCenter = (PartnerCenter) proxy.getProxy();
  }

  /** The adapter, as the app would call it. */
  public PartnerCenter partnerCenter() {
    return partnerCenter;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public RetailPriceList catalog() {
    return catalog;
  }

  /** A demo customer by its exact company name. */
  public Customer customer(String companyName) {
    return partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, companyName, 5).stream()
        .filter(c -> c.companyName().equals(companyName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo customer " + companyName));
  }

  /** The app's own configuration (application.yaml), as the app binds it. */
  private static synchronized StandardEnvironment config() {
    if (config == null) {
      config = new StandardEnvironment();
      try {
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
            .forEach(config.getPropertySources()::addLast);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return config;
  }

  /** The committed catalog's SKUs, for tests that need real ones without a database. */
  public static List<ReservationSku> catalogSkus() {
    return sharedCatalog().skus();
  }

  /**
   * The retail price list as the app reads it, for a live adapter in tests. The file takes a second to read; every
   * standalone Partner Center and live adapter shares one copy.
   */
  public static synchronized RetailPriceList sharedCatalog() {
    if (sharedCatalog == null) {
      sharedCatalog = new RetailPriceList(Binder.get(config()).bindOrCreate("reservation-desk.embedded-catalog",
          RetailPriceListProperties.class));
    }
    return sharedCatalog;
  }

  /** The pricing as configured, for tests that need the app's currencies. */
  public static Currencies currencies() {
    return new Currencies(Binder.get(config()).bind("reservation-desk.pricing", PricingProperties.class).get());
  }
}
