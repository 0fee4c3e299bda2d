package com.reservationdesk.purchase;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.ReservationSku;
import java.math.BigDecimal;

/** A cart line's quantity: a whole number of the SKU's units, within the SKU's range. */
final class Quantity {

  private Quantity() {}

  /** The quantity as a form gave it, checked: a whole number within the SKU's range, in its units' words. */
  static long of(BigDecimal value, ReservationSku sku) {
    if (value == null) {
      throw new InvalidInputException("Enter the quantity: how many " + sku.type().units() + " the reservation covers.");
    }
    if (value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new InvalidInputException(String.format("Quantity must be between %,d and %,d for %s.", sku.minimumQuantity(),
          sku.maximumQuantity(), sku.displayName()));
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new InvalidInputException("Quantity must be a whole number of " + sku.type().units() + ", not " + value.toPlainString() + ".");
    }
    long quantity = value.longValueExact();
    requireRange(quantity, sku, "");
    return quantity;
  }

  static void requireRange(long quantity, ReservationSku sku, String context) {
    if (quantity < sku.minimumQuantity() || quantity > sku.maximumQuantity()) {
      throw new InvalidInputException(String.format("Quantity must be between %,d and %,d for %s%s.",
          sku.minimumQuantity(), sku.maximumQuantity(), sku.displayName(), context));
    }
  }
}
