package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.Reseller;

/** An item of {@code GET /relationships?relationship_type=IsIndirectCloudSolutionProviderOf}: an indirect reseller. */
public record RelationshipJson(String id, String name, String relationshipType, String state, String mpnId, String location) {

  /** The relationship of an indirect provider to its resellers. */
  public static final String INDIRECT_RESELLER = "IsIndirectCloudSolutionProviderOf";

  public static RelationshipJson of(Reseller reseller) {
    return new RelationshipJson(reseller.id(), reseller.name(), INDIRECT_RESELLER, reseller.state(), reseller.mpnId(), reseller.location());
  }

  public Reseller toReseller() {
    return new Reseller(id, name, mpnId, state, location);
  }
}
