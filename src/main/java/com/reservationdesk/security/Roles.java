package com.reservationdesk.security;

import com.reservationdesk.engine.security.AuthorizationSetup;
import java.util.Collection;
import java.util.Set;

/** The groups Reservation Desk gives rights to (see {@link AuthorizationSetup} and the README's visibility model). */
public final class Roles {

  public static final String AGENTS = "agents";
  public static final String APPROVERS = "approvers";
  public static final String OPERATORS = "operators";
  public static final String ADMINS = "admins";
  /** Camunda's own administrators' group, which the configured administrator belongs to. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Who runs the engine: they may change a process's state and variables outside its forms (Cockpit). */
  public static final Set<String> STAFF_OF_THE_ENGINE = Set.of(OPERATORS, ADMINS, CAMUNDA_ADMIN);

  /** Every group that works with Reservation Desk's records (orders, purchases). */
  public static final Set<String> ANY_ROLE = Set.of(AGENTS, APPROVERS, OPERATORS, ADMINS, CAMUNDA_ADMIN);

  private Roles() {}

  public static boolean runsTheEngine(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(STAFF_OF_THE_ENGINE::contains);
  }

  public static boolean hasAnyRole(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(ANY_ROLE::contains);
  }
}
