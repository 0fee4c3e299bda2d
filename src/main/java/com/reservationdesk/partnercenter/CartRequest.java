package com.reservationdesk.partnercenter;

import java.util.List;

/**
 * The body of {@code POST /customers/{id}/carts}.
 *
 * @param partnerOnRecordAttestationAccepted set when an indirect provider names the reseller
 */
public record CartRequest(List<CartLineItem> lineItems, boolean partnerOnRecordAttestationAccepted) {}
