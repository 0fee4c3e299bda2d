package com.reservationdesk.common;

/** One choice of a form's select or radio field, the shape Camunda Forms expect. */
public record Option(String label, String value) {}
