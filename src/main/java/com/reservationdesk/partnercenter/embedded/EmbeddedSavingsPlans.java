package com.reservationdesk.partnercenter.embedded;

import static com.reservationdesk.partnercenter.SavingsPlanProduct.PRODUCT_ID;

import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.pricing.Currencies;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Azure savings plan for compute in the embedded Partner Center: its availability, known without the price file, and
 * the checks of a savings plan cart line, as Microsoft documents the purchase
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan): one unit of SKU {@code 0001} (P1Y) or
 * {@code 0002} (P3Y), billed {@code one_time} or {@code monthly}, an hourly {@code purchaseCommitment} of at least the
 * SKU's {@code minimumPurchaseCommitment} in the customer's currency, and a provisioning context that names the
 * customer's Azure plan ({@code shared}) or one of its Azure subscriptions ({@code single}). It needs an Azure plan with
 * an active Azure subscription; no registration for reservations and no inventory check, which are reservations' own.
 * Runs inside the adapter's calls ({@link PartnerCenterCall}), on their connection.
 */
final class EmbeddedSavingsPlans {

  /** The least hourly commitment the SKUs state (the docs' example: 0.001 USD), taken in each market's currency. */
  static final BigDecimal MINIMUM_HOURLY_COMMITMENT = new BigDecimal("0.001");

  private final JdbcClient jdbc;
  private final Currencies currencies;

  EmbeddedSavingsPlans(JdbcClient jdbc, Currencies currencies) {
    this.jdbc = jdbc;
    this.currencies = currencies;
  }

  /** The availability of SKU {@code 0001} or {@code 0002} in a market; another SKU is not found, as in the catalog. */
  Availability availability(String country, String skuId) {
    Term term = SavingsPlanProduct.termOf(skuId)
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "SKU " + PRODUCT_ID + ":" + skuId));
    String currency = currencies.currencyOf(country);
    String availabilityId = PartnerCenterIds.availabilityId(PRODUCT_ID, skuId);
    return new Availability(availabilityId, PRODUCT_ID, skuId, PRODUCT_ID + ":" + skuId + ":" + availabilityId, true, currency,
        List.of(term.iso()), PurchaseCommitment.hourly(MINIMUM_HOURLY_COMMITMENT, currency));
  }

  /** Refuses a savings plan line as Partner Center would; the reseller is checked by the caller, as for reservations. */
  void validate(Customer customer, CartLineItem line, String skuId, String availabilityId) {
    Term term = SavingsPlanProduct.termOf(skuId).filter(t -> PartnerCenterIds.availabilityId(PRODUCT_ID, skuId).equals(availabilityId))
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.CATALOG_ITEM_ID_INVALID, line.catalogItemId()));
    String title = SavingsPlanProduct.title(term);
    if (!term.iso().equals(line.termDuration())) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "term " + line.termDuration() + " is not offered for " + title);
    }
    try {
      BillingPlan.fromBillingCycle(line.billingCycle());
    } catch (IllegalArgumentException e) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "billing cycle " + line.billingCycle() + " is not offered for " + title);
    }
    if (line.quantity() != 1) {
      throw PartnerCenterException.of(ErrorCode.QUANTITY_NOT_AVAILABLE, title + " is bought one at a time, not " + line.quantity());
    }
    ProvisioningContext context = line.provisioningContext();
    if (context == null || !(Scope.SHARED.apiName().equals(context.scope()) || Scope.SINGLE.apiName().equals(context.scope()))) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "scope must be single or shared");
    }
    if (context.duration() != null) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "a savings plan's provisioning context has no duration (a reservation's has)");
    }
    validateCommitment(customer, line.purchaseCommitment());
    if (Scope.SHARED.apiName().equals(context.scope())) {
      requireAzurePlanWithActiveSubscription(customer, context.subscriptionId());
    } else {
      requireActiveAzureSubscription(customer, context.subscriptionId());
    }
  }

  /** Present, hourly, more than 0, at most {@link PurchaseCommitment#MAX_DECIMALS} decimals, the customer's currency, the minimum. */
  private void validateCommitment(Customer customer, PurchaseCommitment commitment) {
    if (commitment == null || commitment.amount() == null) {
      throw PartnerCenterException.of(ErrorCode.CART_LINE_NOT_PROCESSED, "a savings plan line needs a purchaseCommitment, an hourly amount");
    }
    if (!commitment.isHourly()) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "a savings plan is committed hourly, not " + commitment.grain());
    }
    BigDecimal amount = PurchaseCommitment.plain(commitment.amount());
    if (amount.signum() <= 0) {
      throw PartnerCenterException.of(ErrorCode.CART_LINE_NOT_PROCESSED, "the hourly commitment must be more than 0, not "
          + amount.toPlainString());
    }
    if (commitment.decimals() > PurchaseCommitment.MAX_DECIMALS) {
      throw PartnerCenterException.of(ErrorCode.CART_LINE_NOT_PROCESSED, "the hourly commitment " + amount.toPlainString()
          + " has more than " + PurchaseCommitment.MAX_DECIMALS + " decimals");
    }
    String currency = currencies.currencyOf(customer.country());
    if (!currency.equals(PurchaseCommitment.currency(commitment.currencyCode()))) {
      throw PartnerCenterException.of(ErrorCode.CART_CURRENCY_NOT_SUPPORTED, "the commitment is in " + commitment.currencyCode()
          + "; the customer is billed in " + currency);
    }
    if (amount.compareTo(MINIMUM_HOURLY_COMMITMENT) < 0) {
      throw PartnerCenterException.of(ErrorCode.CART_LINE_NOT_PROCESSED, "the hourly commitment " + amount.toPlainString() + " "
          + currency + " is below the minimum of " + MINIMUM_HOURLY_COMMITMENT.toPlainString() + " " + currency);
    }
  }

  /** Shared scope names the customer's Azure plan, which must be active and hold an active Azure subscription. */
  private void requireAzurePlanWithActiveSubscription(Customer customer, String azurePlanId) {
    String id = lower(azurePlanId);
    Optional<String[]> plan = jdbc.sql("select offer_id, status from pc_subscription where id = ? and customer_id = ?")
        .params(id, customer.id()).query((rs, row) -> new String[] {rs.getString("offer_id"), rs.getString("status")}).optional();
    if (plan.isEmpty() || !plan.get()[0].startsWith(Subscription.AZURE_PLAN_PRODUCT_ID)) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_VALID, "a shared savings plan names the customer's Azure plan; "
          + azurePlanId + " is not one");
    }
    if (!"active".equals(plan.get()[1])) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_ACTIVE, "the Azure plan " + azurePlanId + " is " + plan.get()[1]);
    }
    Integer active = jdbc.sql("select count(*) from pc_azure_entitlement where plan_id = ? and status = 'active'").param(id)
        .query(Integer.class).single();
    if (active == null || active == 0) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_ACTIVE, "the Azure plan " + azurePlanId + " has no active Azure subscription");
    }
  }

  /**
   * Single scope names an Azure subscription (entitlement) under the customer's Azure plan. Microsoft documents the
   * {@code entitlementId} as the Azure subscription's id; the demo data keeps an entitlement id beside it, and either names
   * the subscription here. A legacy CSP Azure offer is no such subscription.
   */
  private void requireActiveAzureSubscription(Customer customer, String azureSubscriptionId) {
    String id = lower(azureSubscriptionId);
    Optional<String[]> statuses = jdbc.sql("""
        select e.status, p.status as plan_status from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id
        where (lower(e.id) = ? or lower(e.subscription_id) = ?) and p.customer_id = ?""")
        .params(id, id, customer.id()).query((rs, row) -> new String[] {rs.getString("status"), rs.getString("plan_status")}).optional();
    if (statuses.isEmpty()) {
      throw PartnerCenterException.of(ErrorCode.NOT_A_VALID_AZURE_SUBSCRIPTION, "a single-scope savings plan names an Azure "
          + "subscription of the customer's Azure plan; " + azureSubscriptionId + " is not one");
    }
    if (!"active".equals(statuses.get()[0]) || !"active".equals(statuses.get()[1])) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_ACTIVE, azureSubscriptionId);
    }
  }

  private static String lower(String id) {
    return id == null ? "" : id.toLowerCase(Locale.ROOT);
  }
}
