package com.reservationdesk.engine.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An administrator is always configured (Camunda's admin setup endpoint would otherwise let anyone
 * create one), and outside the demo profile never with a default password: the start stops and says
 * which variable to set.
 */
@Component
public class AdministratorCheck implements InitializingBean {

  private final String adminId;
  private final String adminPassword;

  public AdministratorCheck(@Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    if (adminId.isBlank() || adminPassword.isBlank()) {
      throw new IllegalStateException("No Camunda administrator is configured. Set RESERVATION_DESK_ADMIN_PASSWORD (and "
          + "RESERVATION_DESK_ADMIN_USER, default admin) in the environment; outside the demo profile there is no default password.");
    }
  }
}
