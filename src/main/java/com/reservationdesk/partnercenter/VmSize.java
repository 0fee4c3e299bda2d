package com.reservationdesk.partnercenter;

import java.math.BigDecimal;

/**
 * What a VM size is: the API's {@code dynamicAttributes} ({@code cores}, {@code ram}, {@code category})
 * and its instance-size-flexibility group, where the discount applies across sizes by ratio.
 */
public record VmSize(
    String armSkuName,
    String family,
    String category,
    int vCpus,
    BigDecimal memoryGiB,
    String flexibilityGroup,
    BigDecimal flexibilityRatio) {}
