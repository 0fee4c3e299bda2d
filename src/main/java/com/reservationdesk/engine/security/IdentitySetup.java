package com.reservationdesk.engine.security;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates the configured groups and users once; an existing user keeps its password. */
@Component
public class IdentitySetup implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identity;
  private final IdentityProperties properties;

  public IdentitySetup(IdentityService identity, IdentityProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    for (IdentityProperties.Group group : properties.groups()) {
      if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
        var created = identity.newGroup(group.id());
        created.setName(group.name());
        created.setType("WORKFLOW");
        identity.saveGroup(created);
      }
    }
    for (IdentityProperties.User user : properties.users()) {
      if (identity.createUserQuery().userId(user.id()).count() == 0) {
        var created = identity.newUser(user.id());
        created.setPassword(user.password());
        created.setFirstName(user.firstName());
        created.setLastName(user.lastName());
        created.setEmail(user.email());
        identity.saveUser(created);
        log.info("Created user {}", user.id());
      }
      for (String group : user.groups()) {
        if (identity.createUserQuery().userId(user.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(user.id(), group);
        }
      }
    }
  }
}
