package com.reservationdesk.engine.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Reservation Desk's users are Camunda's: the same logins as Tasklist and {@code /engine-rest}. A user's
 * authorities are their groups ({@code agents}, {@code approvers} …). Camunda counts the failed attempts and
 * locks the user out after too many.
 */
@Component
public class CamundaUsers implements AuthenticationProvider {

  private final IdentityService identity;

  public CamundaUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || user.isBlank() || password == null || !identity.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("Log in with your Reservation Desk user");
    }
    return authenticated(user);
  }

  /** A user known to be who they are (a password checked, or the webapps' login), with their groups. */
  UsernamePasswordAuthenticationToken authenticated(String user) {
    List<GrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .map(id -> (GrantedAuthority) new SimpleGrantedAuthority(id)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
