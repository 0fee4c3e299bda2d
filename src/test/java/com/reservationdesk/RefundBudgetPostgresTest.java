package com.reservationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.partnercenter.embedded.DemoDataSeeder;
import com.reservationdesk.refund.Returns;
import com.reservationdesk.reservation.ReservationSweep;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The refund budget's lock on PostgreSQL: two returns submitted at once that the budget holds only one of. */
@Tag("own-engine")
class RefundBudgetPostgresTest {

  @RegisterExtension
  static final SingleInstancePostgresExtension postgres = EmbeddedPostgresExtension.singleInstance();

  @Test
  void twoReturnsSubmittedAtOnce_onPostgreSql_onlyOnePasses() throws Exception {
    List<String> arguments = new ArrayList<>(TestPostgres.appArguments(postgres.getEmbeddedPostgres()));
    arguments.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=refund-postgres-test"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReservationDeskApplication.class)
        .run(arguments.toArray(String[]::new))) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
      String trey = DemoDataSeeder.customerId("treyenergy.onmicrosoft.com");
      app.getBean(ReservationSweep.class).syncCustomer(trey);
      RefundTest.twoAtOnce(app.getBean(Returns.class), jdbc, trey, 5);
    }
  }
}
