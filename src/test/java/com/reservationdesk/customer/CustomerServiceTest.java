package com.reservationdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.AppTest;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.process.purchase.OptionLists;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class CustomerServiceTest {

  @Autowired CustomerService customers;
  @Autowired PartnerCenter partnerCenter;

  @Test
  void findsByCompanyNameDomainOrTenantId() {
    CustomerSearchResult byName = customers.search("  contoso ");
    assertThat(byName.matches()).extracting("companyName").containsExactly("Contoso Ltd");
    assertThat(byName.message()).isEqualTo("1 customer matches \u201ccontoso\u201d.");
    assertThat(customers.search("adventureworks.onmicrosoft").matches()).extracting("companyName")
        .containsExactly("Adventure Works Cycles");
    String tenantId = byName.matches().get(0).tenantId();
    assertThat(customers.search(tenantId.toUpperCase()).matches()).extracting("id").containsExactly(tenantId);
    assertThat(OptionLists.customers(byName.matches())).singleElement().satisfies(o -> {
      assertThat(o.value()).isEqualTo(tenantId);
      assertThat(o.label()).isEqualTo("Contoso Ltd \u00b7 contoso.onmicrosoft.com \u00b7 US");
    });
  }

  @Test
  void severalMatchesAreSortedAndCapped() {
    CustomerSearchResult litware = customers.search("Litware");
    assertThat(litware.matches()).hasSize(9);
    assertThat(litware.matches()).extracting("companyName").isSorted();
    assertThat(litware.truncated()).isFalse();

    // "Be" finds Bellows … and Best For You …: 18 customers, more than a cap of 5.
    CustomerSearchResult capped = new CustomerService(partnerCenter, 5).search("Be");
    assertThat(capped.matches()).hasSize(5);
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.message()).isEqualTo("More than 5 customers match \u201cBe\u201d; the first 5 are listed. "
        + "Type more of the name to narrow the list.");
  }

  @Test
  void noMatchOrTooShortSaysWhy() {
    assertThat(customers.search("zzyzx").message()).startsWith("No customer matches \u201czzyzx\u201d.");
    assertThat(customers.search("b").message()).startsWith("Type at least 2 characters");
    assertThat(customers.search("00000000-0000-0000-0000-000000000000").matches()).isEmpty();
    assertThatThrownBy(() -> customers.requireSearchText(" x ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> customers.requireCustomer("nobody")).hasMessageContaining("not a customer of this partner");
  }
}
