package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.Customer;

/** {@code GET /customers/{id}} and the customer search's items. */
public record CustomerJson(
    String id,
    CompanyProfile companyProfile,
    BillingProfile billingProfile,
    String relationshipToPartner,
    String associatedPartnerId,
    AttributesJson attributes) {

  public record CompanyProfile(String tenantId, String domain, String companyName) {}

  public record BillingProfile(Address defaultAddress, String culture, String language) {}

  public record Address(String country) {}

  public static CustomerJson of(Customer customer) {
    return new CustomerJson(customer.id(), new CompanyProfile(customer.tenantId(), customer.domain(), customer.companyName()),
        new BillingProfile(new Address(customer.country()), customer.culture(), customer.culture().substring(0, 2)),
        customer.relationshipToPartner(), customer.associatedPartnerId(), AttributesJson.CUSTOMER);
  }

  /** A profile Partner Center leaves out reads as empty. */
  public Customer toCustomer() {
    CompanyProfile company = companyProfile == null ? new CompanyProfile(null, null, null) : companyProfile;
    BillingProfile billing = billingProfile == null ? new BillingProfile(null, null, null) : billingProfile;
    String country = billing.defaultAddress() == null ? null : billing.defaultAddress().country();
    return new Customer(id, company.companyName(), company.domain(), country, billing.culture(), relationshipToPartner,
        associatedPartnerId);
  }
}
