package com.reservationdesk.tools.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a catalog is made from: regions, VM families with their price model, VM sizes and real anchor prices. */
final class CatalogModel {

  static final String GLOBAL_REGION = "global";

  final Map<String, Region> regions = new LinkedHashMap<>();
  final Map<String, Family> families = new LinkedHashMap<>();
  final List<Size> sizes = new ArrayList<>();
  final List<Anchor> anchors = new ArrayList<>();
}
