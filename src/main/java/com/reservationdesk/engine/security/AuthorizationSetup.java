package com.reservationdesk.engine.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import com.reservationdesk.security.Roles;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each group may do, created at start when missing (an administrator's later changes are kept):
 *
 * <ul>
 *   <li>{@code agents}: Tasklist; start purchases, and work the tasks assigned to them (Camunda gives the
 *       assignee of a task its rights), evaluate the order-rule tables, read the shared filters. No history: a
 *       purchase's process history is for operators; agents follow their purchases on Reservation Desk's own
 *       pages ({@code /purchases}, {@code /orders});
 *   <li>{@code approvers}: Tasklist; the approval tasks of their group, the shared filters;
 *   <li>{@code operators}: Cockpit; everything about process and decision definitions, instances,
 *       deployments, jobs and history, to watch and retry;
 *   <li>{@code admins}: everything, like Camunda's own {@code camunda-admin}.
 * </ul>
 */
@Component
public class AuthorizationSetup {

  static final String AGENTS = Roles.AGENTS;
  static final String APPROVERS = Roles.APPROVERS;
  static final String OPERATORS = Roles.OPERATORS;
  static final String ADMINS = Roles.ADMINS;

  private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

  private final AuthorizationService authorizations;
  private final List<ProcessAccess> processes;

  public AuthorizationSetup(AuthorizationService authorizations, List<ProcessAccess> processes) {
    this.authorizations = authorizations;
    this.processes = processes;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void grantMissing() {
    for (ProcessAccess process : processes) {
      Set<String> groups = new TreeSet<>(process.readBy());
      groups.addAll(process.startedBy());
      for (String group : groups) {
        grant(group, Resources.PROCESS_DEFINITION, process.processKey(), process.startedBy().contains(group)
            ? new Permission[] {Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE} : new Permission[] {Permissions.READ});
        // Databases set up before the visibility model: agents and approvers read every purchase's history there.
        revoke(group, Resources.PROCESS_DEFINITION, process.processKey(), ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    grant(AGENTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(AGENTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(AGENTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(AGENTS, Resources.FILTER, ANY, Permissions.READ);

    grant(APPROVERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(APPROVERS, Resources.FILTER, ANY, Permissions.READ);

    grant(OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION,
        Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT, Resources.BATCH, Resources.HISTORIC_PROCESS_INSTANCE,
        Resources.HISTORIC_TASK, Resources.TASK)) {
      grant(OPERATORS, resource, ANY, Permissions.ALL);
    }

    for (Resources resource : Resources.values()) {
      grant(ADMINS, resource, ANY, Permissions.ALL);
    }
  }

  /** Takes a permission away from a group's grant, where an earlier version gave it. */
  private void revoke(String group, Resource resource, String resourceId, Permission permission) {
    for (Authorization authorization : authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).list()) {
      if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        authorizations.saveAuthorization(authorization);
        log.info("Revoked {} on {} {} from group {}: purchase history is for operators", permission, resource.resourceName(),
            resourceId, group);
      }
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean present = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .count() > 0;
    if (present) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
    log.info("Granted group {} {} on {} {}", group, List.of(permissions), resource.resourceName(), resourceId);
  }
}
