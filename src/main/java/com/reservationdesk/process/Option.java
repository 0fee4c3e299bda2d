package com.reservationdesk.process;

/** One choice of a form's select or radio field, the shape Camunda Forms expect: shared by every process's glue. */
public record Option(String label, String value) {}
