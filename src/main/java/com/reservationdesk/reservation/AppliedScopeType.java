package com.reservationdesk.reservation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a reservation's discount applies, as Azure's {@code appliedScopeType} writes it. Management-group and
 * resource-group scopes exist in Azure but not in a CSP purchase, so they are not values here: {@link #fromAzure}
 * answers empty for them.
 */
public enum AppliedScopeType {
  /** One Azure subscription of the customer. */
  SINGLE("Single"),
  /** The customer's whole billing context. */
  SHARED("Shared");

  private final String azureName;

  AppliedScopeType(String azureName) {
    this.azureName = azureName;
  }

  /** {@code Single} or {@code Shared}. */
  public String azureName() {
    return azureName;
  }

  public static Optional<AppliedScopeType> fromAzure(String name) {
    return Arrays.stream(values()).filter(t -> t.azureName.equalsIgnoreCase(name)).findFirst();
  }
}
