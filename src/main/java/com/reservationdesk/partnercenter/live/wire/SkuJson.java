package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.VmSize;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An item of {@code GET /products/{p}/skus}: one size × region × term, its attributes in {@code dynamicAttributes}.
 * Partner Center's catalog has no price; the live adapter adds the retail list's. A savings plan's SKU states the least
 * hourly commitment it sells, {@code minimumPurchaseCommitment}, and is also the {@code sku} of its availabilities
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan).
 */
public record SkuJson(
    String id,
    String productId,
    String title,
    Long minimumQuantity,
    Long maximumQuantity,
    @JsonInclude(JsonInclude.Include.NON_NULL) MinimumPurchaseCommitmentJson minimumPurchaseCommitment,
    @JsonProperty("isTrial") boolean isTrial,
    List<String> supportedBillingCycles,
    List<String> purchasePrerequisites,
    List<String> provisioningVariables,
    DynamicAttributes dynamicAttributes) {

  /** What a reservation SKU is; the VM attributes only for VMs. The API writes numbers as strings here. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DynamicAttributes(String armSkuName, String cores, String ram, String category, String armRegionName, String region,
      String duration) {}

  public static SkuJson of(ReservationSku sku) {
    VmSize vm = sku.vmSize();
    String duration = Term.of(sku.termDuration()).duration();
    DynamicAttributes attributes = vm == null
        ? new DynamicAttributes(null, null, null, null, sku.armRegionName(), sku.regionDisplayName(), duration)
        : new DynamicAttributes(vm.armSkuName(), String.valueOf(vm.vCpus()), vm.memoryGiB().stripTrailingZeros().toPlainString(),
            vm.category(), sku.armRegionName(), sku.regionDisplayName(), duration);
    return new SkuJson(sku.skuId(), sku.productId(), sku.title(), sku.minimumQuantity(), sku.maximumQuantity(), null, false,
        sku.billingPlans().stream().map(BillingPlan::billingCycle).sorted().toList(),
        List.of("AzureSubscriptionRegistration", "InventoryCheck"), List.of("Scope", "SubscriptionId"), attributes);
  }

  /** A savings plan's SKU as the documented example writes it: one unit, both billing cycles, its minimum commitment. */
  public static SkuJson ofSavingsPlan(Availability availability) {
    Term term = SavingsPlanProduct.termOf(availability.skuId()).orElseThrow();
    return new SkuJson(availability.skuId(), availability.productId(), SavingsPlanProduct.title(term), 1L, 1L,
        MinimumPurchaseCommitmentJson.of(availability.minimumPurchaseCommitment()), false,
        List.of(BillingPlan.UPFRONT.billingCycle(), BillingPlan.MONTHLY.billingCycle()), List.of("MicrosoftCloudAgreement"), List.of(),
        new DynamicAttributes("Compute_Savings_Plan", null, null, null, null, null, term.duration().toLowerCase(Locale.ROOT)));
  }

  /** A savings plan SKU's least hourly commitment; null for a reservation's. */
  public PurchaseCommitment minimum() {
    return minimumPurchaseCommitment == null ? null : minimumPurchaseCommitment.toCommitment();
  }

  /** The term of {@code dynamicAttributes.duration} ({@code 1Year}, {@code 3Years}); empty when absent or unknown. */
  public Optional<Term> term() {
    if (dynamicAttributes == null || dynamicAttributes.duration() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Term.ofDuration(dynamicAttributes.duration().replace(" ", "")));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** The billing plans of {@code supportedBillingCycles}; empty when it names none the product knows. */
  public Set<BillingPlan> billingPlans() {
    Set<BillingPlan> plans = EnumSet.noneOf(BillingPlan.class);
    if (supportedBillingCycles != null) {
      supportedBillingCycles.forEach(cycle -> Arrays.stream(BillingPlan.values())
          .filter(plan -> plan.billingCycle().equalsIgnoreCase(cycle)).forEach(plans::add));
    }
    return Set.copyOf(plans);
  }

  public String armRegionName() {
    return dynamicAttributes == null ? null : dynamicAttributes.armRegionName();
  }

  /** The region's display name, {@code US West 2}. */
  public String region() {
    return dynamicAttributes == null ? null : dynamicAttributes.region();
  }
}
