package com.reservationdesk;

import com.reservationdesk.purchase.PurchaseService;
import java.util.UUID;

/** Purchases for tests of the services alone, without a process: a made-up process instance id stands for one. */
public final class TestPurchases {

  private TestPurchases() {}

  /**
   * A purchase started by {@code agent} for the customer and subscription, its cart open.
   *
   * @return the key the services find it by (its process instance id)
   */
  public static String open(PurchaseService purchases, String customerId, String subscriptionId, String agent) {
    String process = "test-process-" + UUID.randomUUID();
    purchases.begin(process, agent);
    purchases.chooseCustomer(process, customerId);
    purchases.open(process, subscriptionId);
    return process;
  }
}
