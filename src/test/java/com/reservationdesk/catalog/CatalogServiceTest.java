package com.reservationdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import java.math.BigDecimal;
import java.util.Comparator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class CatalogServiceTest {

  @Autowired CatalogService catalog;

  @Test
  void filtersByRegionSizeTermAndBillingPlan_cheapestFirst() {
    CatalogSearchResult result = catalog.search("US", new CatalogFilter("westeurope", "d4s", "P3Y", "monthly"));
    assertThat(result.offers()).isNotEmpty().allSatisfy(o -> {
      assertThat(o.sku().armRegionName()).isEqualTo("westeurope");
      assertThat(o.sku().armSkuName().toLowerCase()).contains("d4s");
      assertThat(o.sku().termDuration()).isEqualTo("P3Y");
      assertThat(o.billingPlan()).isEqualTo(BillingPlan.MONTHLY);
    });
    assertThat(result.offers()).extracting(o -> o.sku().listPrice()).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(result.offers()).extracting(o -> o.sku().armSkuName()).containsExactly("Standard_D4s_v5", "Standard_D4s_v3");
    ReservationOffer cheapest = result.offers().get(0);
    assertThat(cheapest.monthlyPrice().multiply(BigDecimal.valueOf(36)))
        .isCloseTo(cheapest.sku().listPrice(), Offset.offset(BigDecimal.ONE));
  }

  @Test
  void sizeTextIgnoresCaseUnderscoresAndTheStandardPrefix() {
    assertThat(catalog.search("US", new CatalogFilter("eastus", "standard_e16S v5", "P1Y", "upfront")).offers())
        .extracting(o -> o.sku().armSkuName()).containsExactly("Standard_E16s_v5");
  }

  @Test
  void tooManyMatchesAreCappedWithAHint_noMatchSaysWhatToLoosen() {
    CatalogSearchResult all = catalog.search("US", new CatalogFilter("any", "", "any", "upfront"));
    assertThat(all.offers()).hasSize(25);
    assertThat(all.totalMatches()).isGreaterThan(25);
    assertThat(all.message()).contains("the 25 cheapest are listed. Refine the filter");
    CatalogSearchResult none = catalog.search("US", new CatalogFilter("westeurope", "HB120", "P5Y", "upfront"));
    assertThat(none.offers()).isNotEmpty();
    CatalogSearchResult nothing = catalog.search("US", new CatalogFilter("westeurope", "D4s", "P5Y", "upfront"));
    assertThat(nothing.offers()).isEmpty();
    assertThat(nothing.message()).startsWith("No reservation matches \u201cD4s\u201d in westeurope for 5 years")
        .contains("choose any region or any term");
    assertThat(catalog.search("US", new CatalogFilter("atlantis", "", "any", "upfront")).message())
        .contains("Region \u201catlantis\u201d is not in the catalog");
  }

  @Test
  void regionOptionsComeFromTheCatalog() {
    assertThat(catalog.regionOptions("US")).first().satisfies(o -> assertThat(o.value()).isEqualTo("any"));
    assertThat(catalog.regionOptions("US")).extracting("value").contains("westeurope", "japaneast").hasSize(13);
    assertThat(catalog.search("US", new CatalogFilter(null, null, null, null)).offers())
        .allSatisfy(o -> assertThat(o.billingPlan()).isEqualTo(BillingPlan.UPFRONT));
    ReservationSku any = catalog.search("US", new CatalogFilter(null, null, null, null)).offers().get(0).sku();
    assertThat(catalog.requireOffer("US", any.key(), "upfront").sku()).isEqualTo(any);
  }
}
