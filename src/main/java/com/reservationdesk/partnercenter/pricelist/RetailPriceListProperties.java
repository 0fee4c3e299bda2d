package com.reservationdesk.partnercenter.pricelist;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the retail price list comes from. Replace {@code itemsFile} with an export of the Azure Retail
 * Prices API to refresh it; no code changes. The settings keep the prefix they had when only the embedded
 * Partner Center read the file ({@code reservation-desk.embedded-catalog}), so operators change nothing.
 *
 * @param itemsFile Retail Prices API JSON (a page with {@code Items}, or an array of items)
 * @param regionsFile the known Azure regions: {@code armRegionName,location}
 * @param sizesFile VM size attributes the price list lacks: vCPUs, memory, flexibility group
 * @param upfrontOnlyProducts product name parts that cannot be paid monthly (policy)
 */
@ConfigurationProperties("reservation-desk.embedded-catalog")
public record RetailPriceListProperties(
    @DefaultValue("classpath:partnercenter/catalog/retail-prices-reservations.json") Resource itemsFile,
    @DefaultValue("classpath:partnercenter/catalog/azure-regions.csv") Resource regionsFile,
    @DefaultValue("classpath:partnercenter/catalog/vm-sizes.csv") Resource sizesFile,
    @DefaultValue({"Red Hat", "SUSE", "Databricks"}) List<String> upfrontOnlyProducts) {}
