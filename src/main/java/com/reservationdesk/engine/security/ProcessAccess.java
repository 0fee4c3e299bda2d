package com.reservationdesk.engine.security;

import java.util.Set;

/**
 * Who may start a process and who may read its definition (to see its diagram in Tasklist), declared by the
 * process's glue; {@link AuthorizationSetup} grants it. Working a task is given by the task itself (its
 * assignee or candidate group); history is for operators.
 */
public record ProcessAccess(String processKey, Set<String> startedBy, Set<String> readBy) {}
