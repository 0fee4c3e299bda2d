package com.reservationdesk.partnercenter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the partner is and which Partner Center Reservation Desk talks to.
 *
 * @param model a direct-bill partner buys for its own customers; an indirect provider buys on
 *     behalf of its resellers and must name one on every purchase
 * @param mode {@code embedded} (own tables, demo data) or {@code live} (the Partner Center REST API)
 * @param seedDemoData whether the embedded Partner Center fills itself with demo data on first start
 */
@ConfigurationProperties("reservation-desk.partner")
public record PartnerProperties(
    @DefaultValue("INDIRECT_PROVIDER") PartnerModel model,
    @DefaultValue("Reservation Desk demo partner") String name,
    @DefaultValue("embedded") String mode,
    @DefaultValue("true") boolean seedDemoData) {

  public PartnerProperties {
    if (!"embedded".equals(mode) && !"live".equals(mode)) {
      throw new IllegalArgumentException("reservation-desk.partner.mode (RESERVATION_DESK_PARTNER_MODE) must be embedded or live, not \""
          + mode + "\"");
    }
  }

  public enum PartnerModel {
    DIRECT_BILL,
    INDIRECT_PROVIDER
  }

  public boolean isIndirectProvider() {
    return model == PartnerModel.INDIRECT_PROVIDER;
  }
}
