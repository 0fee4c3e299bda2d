package com.reservationdesk.order;

/** Links into the Azure portal, in the customer's own directory, where the partner manages what it bought. */
public final class AzurePortal {

  private AzurePortal() {}

  /** The customer's reservations. */
  public static String reservationsOf(String customerTenantId) {
    return "https://portal.azure.com/#@" + customerTenantId + "/blade/Microsoft_Azure_Reservations/ReservationsBrowseBlade";
  }
}
