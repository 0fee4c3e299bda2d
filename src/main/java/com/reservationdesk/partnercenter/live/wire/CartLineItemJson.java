package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import java.util.List;

/**
 * A cart line: a reservation's with its term and provisioning context, for an indirect provider with the reseller as
 * the {@code transaction_reseller} participant; a savings plan's likewise, with its {@code purchaseCommitment}; an Azure
 * plan's with none of these.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartLineItemJson(
    int id,
    String catalogItemId,
    long quantity,
    String billingCycle,
    String termDuration,
    ProvisioningContextJson provisioningContext,
    PurchaseCommitmentJson purchaseCommitment,
    List<KeyValueJson> participants) {

  /** The participant that names the reseller (its MPN id) an indirect provider buys for. */
  public static final String RESELLER_PARTICIPANT = "transaction_reseller";

  public static CartLineItemJson of(CartLineItem line) {
    return new CartLineItemJson(line.id(), line.catalogItemId(), line.quantity(), line.billingCycle(), line.termDuration(),
        ProvisioningContextJson.of(line.provisioningContext(), SavingsPlanProduct.isSavingsPlanCatalogItem(line.catalogItemId())),
        PurchaseCommitmentJson.of(line.purchaseCommitment()),
        line.resellerMpnId() == null ? null : List.of(new KeyValueJson(RESELLER_PARTICIPANT, line.resellerMpnId())));
  }

  public CartLineItem toLineItem() {
    String reseller = participants == null ? null : participants.stream().filter(p -> RESELLER_PARTICIPANT.equalsIgnoreCase(p.key()))
        .map(KeyValueJson::value).reduce((first, last) -> last).orElse(null);
    return new CartLineItem(id, catalogItemId, quantity, billingCycle, termDuration,
        ProvisioningContextJson.toContext(provisioningContext), reseller, PurchaseCommitmentJson.toCommitment(purchaseCommitment));
  }
}
