/**
 * The public Azure Retail Prices API ({@code https://prices.azure.com/api/retail/prices}, no authentication) as far as
 * compute prices need it: its items and pages as Jackson records, which rows are a VM size's Linux pay-as-you-go price,
 * and the live {@link com.reservationdesk.pricing.ComputePrices} adapter that asks the API itself. The records are also
 * what the demo price file is read with and what the tests' fake of the API answers, so the three cannot drift apart.
 *
 * <p>api-version 2023-01-01-preview is the only one whose pay-as-you-go rows carry savings plan prices
 * (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices, "Azure savings plan support").
 */
package com.reservationdesk.pricing.retail;
