package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import java.util.List;

/**
 * A cart: the body of {@code POST /customers/{id}/carts} and {@code PUT …/carts/{cartId}} (its lines, and
 * {@code PartnerOnRecordAttestationAccepted} when an indirect provider names the reseller), and the answer to both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartJson(
    String id,
    String status,
    String creationTimestamp,
    String lastModifiedTimestamp,
    String expirationTimestamp,
    List<CartLineItemJson> lineItems,
    @JsonProperty("PartnerOnRecordAttestationAccepted") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean partnerOnRecordAttestationAccepted) {

  /** A new cart ({@code cartId} null) or the replacement of a cart's lines. */
  public static CartJson request(String cartId, CartRequest request) {
    return new CartJson(cartId, null, null, null, null, request.lineItems().stream().map(CartLineItemJson::of).toList(),
        request.partnerOnRecordAttestationAccepted());
  }

  /** A cart of these lines alone. */
  public static CartJson of(String cartId, List<CartLineItemJson> lineItems) {
    return new CartJson(cartId, null, null, null, null, lineItems, false);
  }

  /** The cart as the API answers with it. */
  public static CartJson of(Cart cart) {
    String created = PartnerCenterJson.text(cart.creationTimestamp());
    return new CartJson(cart.id(), cart.status(), created, created, PartnerCenterJson.text(cart.expirationTimestamp()),
        cart.lineItems().stream().map(CartLineItemJson::of).toList(), false);
  }

  public CartRequest toRequest() {
    return new CartRequest(lines(), partnerOnRecordAttestationAccepted);
  }

  /** The answer as the customer's cart; a cart without a status is active. */
  public Cart toCart(String customerId) {
    return new Cart(id, customerId, status == null ? "Active" : status, PartnerCenterJson.instant(creationTimestamp),
        PartnerCenterJson.instant(expirationTimestamp), lines());
  }

  private List<CartLineItem> lines() {
    return lineItems == null ? List.of() : lineItems.stream().map(CartLineItemJson::toLineItem).toList();
  }
}
