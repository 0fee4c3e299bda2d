package com.reservationdesk.process.purchase;

import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.process.Option;
import java.util.List;

/**
 * The choices the purchase forms offer for one customer.
 *
 * @param subscriptionNote a sentence on the customer's Azure subscriptions, for the agent
 * @param defaultResellerMpnId the reseller the customer belongs to, preselected at review
 * @param priceNote where catalog prices come from and the currency they are shown in
 * @param quantityLimits the partner's quantity limits (OrderRules.dmn), in a sentence the forms show
 */
public record PurchaseOptions(
    Customer customer,
    List<Option> subscriptionOptions,
    String subscriptionNote,
    boolean resellerRequired,
    List<Option> resellerOptions,
    String defaultResellerMpnId,
    List<Option> regionOptions,
    List<Option> flexibilityGroupOptions,
    String priceNote,
    String quantityLimits) {}
