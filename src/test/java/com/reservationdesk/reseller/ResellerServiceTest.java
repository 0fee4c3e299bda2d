package com.reservationdesk.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerProperties.PartnerModel;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.process.purchase.OptionLists;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A direct-bill partner names no reseller; an indirect provider must name one of its active resellers. */
class ResellerServiceTest {

  final PartnerCenter partnerCenter = mock(PartnerCenter.class);
  final Reseller tailspin = new Reseller("r-1", "Tailspin Cloud Services", "4847383", "Active", "US");
  final Reseller former = new Reseller("r-2", "Former Reseller GmbH", "6020114", "Terminated", "DE");

  @Test
  void directBillPartnerOffersNoResellerAndRefusesOne() {
    ResellerService resellers = service(PartnerModel.DIRECT_BILL);
    assertThat(resellers.resellerRequired()).isFalse();
    assertThat(resellers.activeResellers()).isEmpty();
    assertThat(resellers.requireValid(null)).isEmpty();
    assertThat(resellers.requireValid(" ")).isEmpty();
    assertThatThrownBy(() -> resellers.requireValid("4847383")).isInstanceOf(InvalidInputException.class)
        .hasMessage("This partner bills its customers directly: leave the reseller empty.");
    verifyNoInteractions(partnerCenter);
  }

  @Test
  void indirectProviderOffersItsActiveResellersAndPreselectsTheCustomersOwn() {
    when(partnerCenter.getIndirectResellers()).thenReturn(List.of(tailspin, former));
    ResellerService resellers = service(PartnerModel.INDIRECT_PROVIDER);
    assertThat(resellers.resellerRequired()).isTrue();
    List<Reseller> active = resellers.activeResellers();
    assertThat(active).containsExactly(tailspin);
    assertThat(OptionLists.resellers(active)).singleElement()
        .satisfies(o -> assertThat(o.label()).isEqualTo("Tailspin Cloud Services \u00b7 MPN 4847383"));
    Customer ofTailspin = new Customer("c-1", "Tailspin Toys", "tailspintoys.onmicrosoft.com", "US", "en-US",
        "indirect_reseller", "R-1");
    assertThat(resellers.resellerOf(ofTailspin, active)).contains(tailspin);
    Customer direct = new Customer("c-2", "Contoso Ltd", "contoso.onmicrosoft.com", "US", "en-US", "reseller", null);
    assertThat(resellers.resellerOf(direct, active)).isEmpty();

    assertThat(resellers.requireValid(" 4847383 ")).contains(tailspin);
    assertThatThrownBy(() -> resellers.requireValid(null)).hasMessage("Choose the reseller this purchase is made for.");
    assertThatThrownBy(() -> resellers.requireValid("6020114")).hasMessageContaining("not one of your active resellers");
  }

  private ResellerService service(PartnerModel model) {
    return new ResellerService(partnerCenter, new PartnerProperties(model, "Partner", "embedded", true));
  }
}
