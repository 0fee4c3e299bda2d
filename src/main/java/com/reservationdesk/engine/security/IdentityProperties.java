package com.reservationdesk.engine.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Groups and users Reservation Desk creates at start when they are missing. Users (with passwords)
 * belong in the demo profile only; production takes its users from the environment or an identity
 * provider.
 */
@ConfigurationProperties("reservation-desk.identity")
public record IdentityProperties(
    @DefaultValue List<Group> groups,
    @DefaultValue List<User> users) {

  public record Group(String id, String name) {}

  public record User(String id, String password, String firstName, String lastName, String email,
      @DefaultValue List<String> groups) {}
}
