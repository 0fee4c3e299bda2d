package com.reservationdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.ReservationDeskApplication;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile: no default password, no demo user, and a start without an admin password stops. */
@Tag("own-engine")
class ProductionStartTest {

  @TempDir Path dataDir;

  @Test
  void withoutAnAdminPasswordTheStartStopsAndSaysWhichVariableToSet() {
    assertThatThrownBy(() -> start().close())
        .hasStackTraceContaining("No Camunda administrator is configured. Set RESERVATION_DESK_ADMIN_PASSWORD");
  }

  @Test
  void withOneThereIsAnAdministratorAndNoDemoUser() {
    try (ConfigurableApplicationContext app = start("--camunda.bpm.admin-user.password=correct-horse-battery")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "correct-horse-battery")).isTrue();
      assertThat(identity.checkPassword("admin", "admin")).isFalse();
      assertThat(identity.createUserQuery().userId("alice").count()).isZero();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isOne();
    }
  }

  private ConfigurableApplicationContext start(String... more) {
    String[] args = {
      "--spring.profiles.active=production",
      "--server.port=0",
      "--reservation-desk.data-dir=" + dataDir,
      "--reservation-desk.partner.seed-demo-data=false",
      "--camunda.bpm.job-execution.enabled=false",
      "--camunda.bpm.process-engine-name=production-start-test"
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return new SpringApplicationBuilder(ReservationDeskApplication.class).run(all);
  }
}
