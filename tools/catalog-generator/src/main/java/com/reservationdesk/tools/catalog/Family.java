package com.reservationdesk.tools.catalog;

import java.util.List;

/**
 * A VM family and its price model (see vm-price-model.csv).
 *
 * @param perVcpu 1-year USD price in westus of one price unit (a vCPU of the family's reference memory)
 * @param ratio5y null where there is no 5-year term
 * @param savingsPlan whether its pay-as-you-go rows carry savings plan prices
 * @param regions where it is sold; null for every region
 */
record Family(String name, String productId, double perVcpu, double ratio3y, Double ratio5y, boolean savingsPlan,
    List<String> regions) {}
