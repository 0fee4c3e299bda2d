package com.reservationdesk.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recommendation from Azure's own {@code reservationRecommendations} API, in its fields' meaning: what Azure
 * would tell the customer, read where the partner has access to the customer's Azure tenant.
 *
 * @param term {@code P1Y} or {@code P3Y}
 * @param scope {@code Single} or {@code Shared}
 * @param netSavings over the look-back: {@code costWithNoReservedInstances − totalCostWithReservedInstances}
 */
public record AzureRecommendation(String subscriptionId, String armSkuName, String armRegionName, String term, String scope,
    BigDecimal recommendedQuantity, String normalizedSize, BigDecimal recommendedQuantityNormalized, String instanceFlexibilityGroup,
    BigDecimal instanceFlexibilityRatio, BigDecimal costWithNoReservedInstances, BigDecimal totalCostWithReservedInstances,
    BigDecimal netSavings, String currency, LookBack lookBack, Instant firstUsageDate) {}
