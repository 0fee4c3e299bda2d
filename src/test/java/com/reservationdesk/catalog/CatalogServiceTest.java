package com.reservationdesk.catalog;

import static com.reservationdesk.process.purchase.FormValues.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.AppTest;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.process.purchase.OptionLists;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class CatalogServiceTest {

  @Autowired CatalogService catalog;
  @Autowired PartnerCenter partnerCenter;
  @Autowired SubscriptionService subscriptions;

  InventoryContext contoso;

  @BeforeEach
  void contosoSubscription() {
    String customerId = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "contoso.onmicrosoft.com", 1).get(0).id();
    contoso = new InventoryContext(customerId, subscriptions.eligibleSubscriptions(customerId).get(0).subscriptionId(), null);
  }

  @Test
  void aGermanCustomerSeesEuroPricesConvertedAtTheConfiguredRate_cheapestFirst() {
    CatalogSearchResult result = catalog.search("DE", CatalogFilter.vm("westeurope", "D4s", "P3Y", BillingPlan.UPFRONT), contoso);
    assertThat(result.offers()).extracting(o -> o.sku().displayName()).startsWith("Standard_D4s_v5").contains("Standard_D4s_v3")
        .allSatisfy(name -> assertThat(name.toLowerCase()).contains("d4s"));
    assertThat(result.offers()).allSatisfy(o -> {
      assertThat(o.sku().armRegionName()).isEqualTo("westeurope");
      assertThat(o.sku().termDuration()).isEqualTo("P3Y");
      assertThat(o.unitPrice().currency()).isEqualTo("EUR");
      assertThat(o.unitPrice().amount()).isEqualTo(o.sku().listPrice().multiply(new BigDecimal("0.9210")).setScale(2, RoundingMode.HALF_UP));
    });
    assertThat(result.offers()).extracting(o -> o.unitPrice().amount()).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(result.priceNote()).contains("Indicative list prices").contains("Converted from USD at 1 USD = 0.921 EUR")
        .contains("exclude tax");
    ReservationOffer first = result.offers().get(0);
    assertThat(first.monthlyPrice().amount())
        .isEqualTo(first.unitPrice().amount().divide(BigDecimal.valueOf(36), 2, RoundingMode.HALF_UP));
  }

  @Test
  void yenHaveNoMinorUnit_dollarCustomersSeeTheListPrice() {
    ReservationOffer yen = catalog.search("JP", CatalogFilter.vm("japaneast", "Standard_E16s_v5", "P1Y", BillingPlan.UPFRONT), null)
        .offers().get(0);
    assertThat(yen.unitPrice().currency()).isEqualTo("JPY");
    assertThat(yen.unitPrice().amount().scale()).isZero();
    assertThat(yen.unitPrice().format()).matches("\u00a5[0-9,]+");
    ReservationOffer usd = catalog.search("US", CatalogFilter.vm("westus", "Standard_E16s_v5", "P1Y", BillingPlan.UPFRONT), null)
        .offers().get(0);
    assertThat(usd.unitPrice().amount()).isEqualByComparingTo("6054");
    assertThat(catalog.priceNote("US")).doesNotContain("Converted");
  }

  @Test
  void threeYearSavingIsComparedWithTheOneYearTermOfTheSameSizeAndRegion() {
    List<ReservationOffer> e16 = catalog.search("US", CatalogFilter.vm("westus", "Standard_E16s_v5", CatalogFilter.ANY,
        BillingPlan.UPFRONT), null).offers();
    assertThat(e16).hasSize(2);
    // 1 year 6,054 = 504.50 a month; 3 years 11,626 = 322.94 a month: 36 % less.
    assertThat(e16).allSatisfy(o -> assertThat(o.threeYearSaving()).isEqualByComparingTo("36"));
    ReservationOffer hb = catalog.search("US", CatalogFilter.vm("eastus", "HB120rs", "P5Y", BillingPlan.UPFRONT), null).offers().get(0);
    assertThat(hb.fiveYearSaving()).isGreaterThan(hb.threeYearSaving());
  }

  @Test
  void sizeTextMatchesPartOfASizeOrExactlyAFamily_caseAndSeparatorsIgnored() {
    assertThat(names(CatalogFilter.vm("eastus", "standard_e16S v5", "P1Y", BillingPlan.UPFRONT))).containsExactly("Standard_E16s_v5");
    List<String> dsv5 = names(CatalogFilter.vm("eastus", "Dsv5", "P1Y", BillingPlan.UPFRONT));
    assertThat(dsv5).isNotEmpty().allSatisfy(n -> assertThat(n).matches("Standard_D\\d+s_v5"));
    assertThat(names(CatalogFilter.vm("eastus", "dsv", "P1Y", BillingPlan.UPFRONT)))
        .anySatisfy(n -> assertThat(n).matches("Standard_D\\d+ds_v5")).anySatisfy(n -> assertThat(n).endsWith("s_v3"));
  }

  @Test
  void vcpuMemoryAndFlexibilityGroupNarrowVirtualMachines() {
    CatalogFilter ranges = new CatalogFilter(ReservationType.VIRTUAL_MACHINES, "westeurope", "", 8, 16, new BigDecimal("60"),
        new BigDecimal("130"), CatalogFilter.ANY, null, null, "P1Y", BillingPlan.UPFRONT, false);
    CatalogSearchResult result = catalog.search("US", ranges, null);
    assertThat(result.totalMatches()).isPositive();
    assertThat(result.offers()).allSatisfy(o -> {
      assertThat(o.sku().vmSize().vCpus()).isBetween(8, 16);
      assertThat(o.sku().vmSize().memoryGiB()).isBetween(new BigDecimal("60"), new BigDecimal("130"));
    });
    String group = result.offers().get(0).sku().vmSize().flexibilityGroup();
    CatalogFilter byGroup = new CatalogFilter(ReservationType.VIRTUAL_MACHINES, "westeurope", "", null, null, null, null, group, null,
        null, "P1Y", BillingPlan.UPFRONT, false);
    assertThat(catalog.search("US", byGroup, null).offers()).hasSizeGreaterThan(1)
        .allSatisfy(o -> assertThat(o.sku().vmSize().flexibilityGroup()).isEqualTo(group));
    assertThat(OptionLists.flexibilityGroups(catalog.flexibilityGroups("US"))).extracting("value").contains("any", group);
  }

  @Test
  void sqlDatabaseAndCosmosDbHaveTheirOwnFilters() {
    CatalogFilter managedBusinessCritical = new CatalogFilter(ReservationType.SQL_DATABASE, "westeurope", "D4s", 64, null, null, null,
        null, "Managed instance", "Business Critical", "P3Y", BillingPlan.UPFRONT, false);
    assertThat(catalog.search("US", managedBusinessCritical, null).offers()).singleElement().satisfies(o -> {
      assertThat(o.sku().type()).isEqualTo(ReservationType.SQL_DATABASE);
      assertThat(o.sku().deployment()).isEqualTo("Managed instance");
      assertThat(o.sku().tier()).isEqualTo("Business Critical");
    });
    // Cosmos DB reserved throughput applies in every region: a region filter does not hide it.
    CatalogFilter cosmos = new CatalogFilter(ReservationType.COSMOS_DB, "westeurope", null, null, null, null, null, null, null,
        "Multi-region write", "P1Y", BillingPlan.UPFRONT, false);
    assertThat(catalog.search("US", cosmos, null).offers()).singleElement().satisfies(o -> {
      assertThat(o.sku().isGlobal()).isTrue();
      assertThat(o.sku().displayName()).isEqualTo("Cosmos DB 100 RU/s, multi-region write");
    });
  }

  @Test
  void restrictedReservationsAreMarkedWithTheReason_orHidden() {
    CatalogSearchResult marked = catalog.search("US", CatalogFilter.vm("westeurope", "D4s_v", "P3Y", BillingPlan.UPFRONT), contoso);
    ReservationOffer v3 = marked.offers().stream().filter(o -> o.sku().displayName().equals("Standard_D4s_v3")).findFirst().orElseThrow();
    assertThat(v3.restriction()).startsWith("Dsv3 capacity in EU West is closed to new reservations");
    assertThat(marked.offers()).filteredOn(o -> !o.sku().displayName().equals("Standard_D4s_v3"))
        .allSatisfy(o -> assertThat(o.isRestricted()).isFalse());
    assertThat(marked.message()).contains("1 of those listed cannot be bought for this subscription: Standard_D4s_v3 in EU West: Dsv3");

    CatalogFilter hide = new CatalogFilter(ReservationType.VIRTUAL_MACHINES, "westeurope", "D4s_v", null, null, null, null, null, null,
        null, "P3Y", BillingPlan.UPFRONT, true);
    CatalogSearchResult hidden = catalog.search("US", hide, contoso);
    assertThat(hidden.offers()).hasSize(marked.offers().size() - 1).noneMatch(ReservationOffer::isRestricted);
    assertThat(hidden.message()).contains("1 that cannot be bought for this subscription is hidden");
  }

  @Test
  void tooManyMatchesAreCappedWithAHint() {
    CatalogSearchResult all = catalog.search("US", CatalogFilter.vm(null, null, null, null), null);
    assertThat(all.offers()).hasSize(25);
    assertThat(all.totalMatches()).isGreaterThan(3000);
    assertThat(all.message()).matches("[0-9,]+ reservations match; the 25 cheapest are listed\\. Refine the filter .*");
    assertThat(all.offers()).allSatisfy(o -> assertThat(o.billingPlan()).isEqualTo(BillingPlan.UPFRONT));
  }

  @Test
  void nothingMatchesSaysWhichFilterToLoosen() {
    CatalogSearchResult nothing = catalog.search("US", CatalogFilter.vm("westeurope", "D4s", "P5Y", BillingPlan.UPFRONT), null);
    assertThat(nothing.offers()).isEmpty();
    assertThat(nothing.message()).startsWith("No VM reservation matches \u201cD4s\u201d in EU West for 5 years. Loosen a filter: ")
        .contains("without the size text, ");
    int withoutTerm = catalog.search("US", CatalogFilter.vm("westeurope", "D4s", CatalogFilter.ANY, BillingPlan.UPFRONT), null)
        .totalMatches();
    assertThat(nothing.message()).contains("without the term, " + withoutTerm + " would match").doesNotContain("without the region");

    CatalogFilter tooSmall = new CatalogFilter(ReservationType.VIRTUAL_MACHINES, "westeurope", "M", null, 2, null, null, null, null,
        null, "P1Y", BillingPlan.UPFRONT, false);
    assertThat(catalog.search("US", tooSmall, null).message()).contains("with at most 2 vCPUs").contains("without the vCPU range");
  }

  @Test
  void aFilterNamingWhatTheCatalogDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> catalog.checkFilter("US", CatalogFilter.vm("atlantis", "", "P1Y", BillingPlan.UPFRONT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Region \u201catlantis\u201d has no VM reservations");
    CatalogFilter unknownGroup = new CatalogFilter(null, null, null, null, null, null, null, "Teleporters", null, null, null, null, false);
    assertThatThrownBy(() -> catalog.checkFilter("US", unknownGroup)).hasMessageContaining("Flexibility group \u201cTeleporters\u201d is unknown");
    catalog.checkFilter("US", CatalogFilter.vm("westeurope", "D4s", "P3Y", BillingPlan.MONTHLY));
    assertThat(OptionLists.regions(catalog.regions("US"))).first().satisfies(o -> assertThat(o.value()).isEqualTo("any"));
    assertThat(OptionLists.regions(catalog.regions("US"))).extracting("value").contains("westeurope", "japaneast").hasSizeGreaterThan(20);
  }

  @Test
  void anOfferNamedByAFormMustBeInTheCatalogWithThatBillingPlan() {
    ReservationSku any = catalog.search("US", CatalogFilter.vm(null, null, null, null), null).offers().get(0).sku();
    assertThat(catalog.requireOffer("DE", any.key(), billingPlan("monthly")).unitPrice().currency()).isEqualTo("EUR");
    assertThatThrownBy(() -> catalog.requireOffer("US", "DZH318Z0BQ3V:ZZZZ", billingPlan("upfront"))).hasMessageContaining("not in the catalog");
    assertThatThrownBy(() -> catalog.requireOffer("US", any.key(), billingPlan("yearly"))).hasMessageContaining("upfront or monthly");
  }

  private List<String> names(CatalogFilter filter) {
    return catalog.search("US", filter, null).offers().stream().map(o -> o.sku().displayName()).toList();
  }
}
