package com.reservationdesk.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recommendation from Azure's own {@code reservationRecommendations} API, in its fields' meaning: what Azure
 * would tell the customer, read where the partner has access to the customer's Azure tenant. Azure knows nothing of
 * Partner Center's inventory restrictions, so it may recommend a size the subscription cannot buy.
 *
 * @param armSkuName the size Azure recommends ({@code sku}, or {@code skuName} in the API's modern form)
 * @param term {@code P1Y} or {@code P3Y}
 * @param scope {@code Single} or {@code Shared}
 * @param recommendedQuantity instances of {@code armSkuName}
 * @param normalizedSize the flexibility group's size that {@code recommendedQuantityNormalized} counts in; null when
 *     Azure does not say
 * @param netSavings over the look-back: {@code costWithNoReservedInstances − totalCostWithReservedInstances}
 * @param currency of the three amounts; null when Azure does not say (its legacy form has plain numbers)
 */
public record AzureRecommendation(String subscriptionId, String armSkuName, String armRegionName, String term, String scope,
    BigDecimal recommendedQuantity, String normalizedSize, BigDecimal recommendedQuantityNormalized, String instanceFlexibilityGroup,
    BigDecimal instanceFlexibilityRatio, BigDecimal costWithNoReservedInstances, BigDecimal totalCostWithReservedInstances,
    BigDecimal netSavings, String currency, LookBack lookBack, Instant firstUsageDate) {}
