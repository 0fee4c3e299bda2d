package com.reservationdesk.tools.catalog;

/** A region of azure-regions.csv: its ARM name and the location the Retail Prices API displays. */
record Region(String name, String location) {}
