package com.reservationdesk.purchase;

import com.reservationdesk.catalog.Terms;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;

/** One cart line: a reservation SKU, how it is paid and how many, at the price shown to the agent. */
public record PurchaseLine(
    int lineNo,
    String productId,
    String skuId,
    String armSkuName,
    String armRegionName,
    String regionDisplayName,
    String termDuration,
    BillingPlan billingPlan,
    long quantity,
    Money unitPrice) {

  public Money lineTotal() {
    return unitPrice.times(quantity);
  }

  public String description() {
    return armSkuName + " \u00b7 " + regionDisplayName + " \u00b7 " + Terms.label(termDuration) + " \u00b7 "
        + billingPlan.formValue();
  }
}
