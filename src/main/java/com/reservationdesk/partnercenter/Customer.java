package com.reservationdesk.partnercenter;

/**
 * A customer of the partner ({@code companyProfile} and {@code billingProfile} flattened).
 *
 * @param associatedPartnerId the indirect reseller's partner id when the customer belongs to one
 */
public record Customer(
    String id,
    String companyName,
    String domain,
    String country,
    String culture,
    String relationshipToPartner,
    String associatedPartnerId) {

  /** In Partner Center the customer id is the customer's Microsoft Entra tenant id. */
  public String tenantId() {
    return id;
  }
}
