package com.reservationdesk.reservation;

/** Part of a reservation to return: which, and how many of its instances. */
public record ReturnLine(String reservationOrderId, String reservationId, long quantity) {}
