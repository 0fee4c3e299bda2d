package com.reservationdesk.partnercenter.embedded;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded Partner Center's own connection pool, on the app's database with its credentials. It
 * stands for a remote system whose every call commits on its own: on the app's pool, each order job
 * held its transaction's connection and asked the same pool for a second one, and ten jobs at once
 * held every connection while waiting for another. Here a call takes one connection of this pool, gives
 * it back before it returns and waits for nothing else meanwhile, so no pool can run dry waiting on
 * itself or on the other ({@link PartnerCenterCall}).
 *
 * <p>These beans are no default candidates: Spring Boot still configures the app's DataSource and
 * transaction manager, which Flyway, Camunda and Reservation Desk's own tables use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPartnerCenterDatabase {

  /** Qualifies the embedded Partner Center's DataSource, JdbcTemplate and JdbcClient. */
  public static final String QUALIFIER = "embeddedPartnerCenter";
  static final String TRANSACTION_MANAGER = "embeddedPartnerCenterTransactionManager";

  @Bean(defaultCandidate = false)
  @Qualifier(QUALIFIER)
  HikariDataSource embeddedPartnerCenterDataSource(DataSourceProperties database,
      @Value("${reservation-desk.embedded.pool-size:4}") int poolSize) {
    HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("embedded-partner-center");
    pool.setMaximumPoolSize(poolSize);
    return pool;
  }

  @Bean(name = TRANSACTION_MANAGER, defaultCandidate = false)
  @Qualifier(QUALIFIER)
  DataSourceTransactionManager embeddedPartnerCenterTransactionManager(@Qualifier(QUALIFIER) DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean(defaultCandidate = false)
  @Qualifier(QUALIFIER)
  JdbcTemplate embeddedPartnerCenterJdbcTemplate(@Qualifier(QUALIFIER) DataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }

  @Bean(defaultCandidate = false)
  @Qualifier(QUALIFIER)
  JdbcClient embeddedPartnerCenterJdbcClient(@Qualifier(QUALIFIER) JdbcTemplate jdbc) {
    return JdbcClient.create(jdbc);
  }
}
