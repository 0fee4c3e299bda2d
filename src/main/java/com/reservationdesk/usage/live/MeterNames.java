package com.reservationdesk.usage.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * Turns the names usage data writes into ARM names. Rated usage names a VM size loosely, by meter: sub-category
 * {@code Dsv5 Series} (or {@code Dsv5 Series Windows}) and meter {@code D4s v5}, sometimes one meter for two sizes
 * ({@code D2 v3/D2s v3}); its {@code additionalInfo} often carries the ARM size as {@code ServiceType}, which wins.
 * Regions come as display names ({@code EU West}), ARM names ({@code westeurope}) or upper case ({@code EASTUS}).
 */
final class MeterNames {

  static final String VIRTUAL_MACHINES = "Virtual Machines";
  private static final Pattern ARM_SIZE = Pattern.compile("(?i)(Standard|Basic)_[A-Za-z0-9_-]+");
  private static final Pattern NOT_RESERVABLE = Pattern.compile("(?i).*\\b(spot|low priority)\\b.*");

  private final Set<String> armRegions;
  private final Map<String, String> armRegionByDisplayName;
  private final Set<String> knownSizes;

  MeterNames(Map<String, String> displayNameByArmRegion, Set<String> knownSizes) {
    this.armRegions = new HashSet<>();
    this.armRegionByDisplayName = new HashMap<>();
    displayNameByArmRegion.forEach((arm, display) -> {
      armRegions.add(arm.toLowerCase(Locale.ROOT));
      armRegionByDisplayName.put(squeeze(display), arm.toLowerCase(Locale.ROOT));
    });
    this.knownSizes = Set.copyOf(knownSizes);
  }

  /** The region and size lists of the catalog (the same files the embedded catalog reads). */
  static MeterNames read(Resource regionsFile, Resource sizesFile) {
    Map<String, String> regions = new HashMap<>();
    for (String[] row : csv(regionsFile)) {
      if (row.length >= 2) {
        regions.put(row[0].trim(), row[1].trim());
      }
    }
    Set<String> sizes = new HashSet<>();
    for (String[] row : csv(sizesFile)) {
      sizes.add(row[0].trim());
    }
    return new MeterNames(regions, sizes);
  }

  static boolean isVirtualMachines(String meterCategory) {
    return VIRTUAL_MACHINES.equalsIgnoreCase(meterCategory == null ? "" : meterCategory.trim());
  }

  /**
   * The ARM size of a VM meter; empty for usage no reservation or savings plan applies to (Spot, Low Priority) and
   * for a meter without a name.
   */
  Optional<String> armSize(String meterSubCategory, String meterName, JsonNode additionalInfo) {
    String name = meterName == null ? "" : meterName.trim();
    if (NOT_RESERVABLE.matcher(name).matches() || NOT_RESERVABLE.matcher(meterSubCategory == null ? "" : meterSubCategory).matches()) {
      return Optional.empty();
    }
    String serviceType = serviceType(additionalInfo);
    if (serviceType != null) {
      return Optional.of(serviceType);
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String prefix = meterSubCategory != null && meterSubCategory.toLowerCase(Locale.ROOT).contains("basic") ? "Basic_" : "Standard_";
    String first = null;
    for (String alternative : name.split("/")) {
      String size = alternative.trim();
      if (size.isEmpty()) {
        continue;
      }
      size = ARM_SIZE.matcher(size).matches() ? size : prefix + size.replaceAll("\\s+", "_");
      if (knownSizes.contains(size)) {
        return Optional.of(size);
      }
      if (first == null) {
        first = size;
      }
    }
    return Optional.ofNullable(first);
  }

  /** The ARM region of a resource location; an unknown one as lower case without spaces. */
  String armRegion(String resourceLocation) {
    String squeezed = squeeze(resourceLocation == null ? "" : resourceLocation);
    if (armRegions.contains(squeezed)) {
      return squeezed;
    }
    return armRegionByDisplayName.getOrDefault(squeezed, squeezed);
  }

  /** {@code additionalInfo.ServiceType} when it is an ARM size; the field is a JSON object, or a string holding one. */
  private static String serviceType(JsonNode additionalInfo) {
    if (additionalInfo == null || !additionalInfo.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = additionalInfo.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase("ServiceType") && field.getValue().isTextual()
          && ARM_SIZE.matcher(field.getValue().asText().trim()).matches()) {
        return field.getValue().asText().trim();
      }
    }
    return null;
  }

  private static String squeeze(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }

  private static Iterable<String[]> csv(Resource resource) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      // Comment lines start with '#'; the first other line names the columns.
      return in.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).skip(1)
          .map(line -> line.split(",")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource.getDescription() + " for the live usage's region and size names: "
          + e.getMessage(), e);
    }
  }
}
