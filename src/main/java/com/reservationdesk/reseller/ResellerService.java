package com.reservationdesk.reseller;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.Reseller;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The resellers an indirect provider buys on behalf of; a direct-bill partner has none to choose. */
@Service
public class ResellerService {

  private final PartnerCenter partnerCenter;
  private final PartnerProperties partner;

  public ResellerService(PartnerCenter partnerCenter, PartnerProperties partner) {
    this.partnerCenter = partnerCenter;
    this.partner = partner;
  }

  /** Whether every purchase must name the reseller it is made for. */
  public boolean resellerRequired() {
    return partner.isIndirectProvider();
  }

  public List<Reseller> activeResellers() {
    if (!resellerRequired()) {
      return List.of();
    }
    return partnerCenter.getIndirectResellers().stream().filter(Reseller::isActive).toList();
  }


  /** The reseller a customer already belongs to, if it is one of the active resellers. */
  public Optional<Reseller> resellerOf(Customer customer, List<Reseller> resellers) {
    return resellers.stream().filter(r -> r.id().equalsIgnoreCase(String.valueOf(customer.associatedPartnerId()))).findFirst();
  }

  /** The reseller named at review: required for an indirect provider, refused for a direct-bill partner. */
  public Optional<Reseller> requireValid(String mpnId) {
    boolean given = mpnId != null && !mpnId.isBlank();
    if (!resellerRequired()) {
      if (given) {
        throw new InvalidInputException("This partner bills its customers directly: leave the reseller empty.");
      }
      return Optional.empty();
    }
    if (!given) {
      throw new InvalidInputException("Choose the reseller this purchase is made for.");
    }
    return Optional.of(activeResellers().stream().filter(r -> r.mpnId().equals(mpnId.trim())).findFirst()
        .orElseThrow(() -> new InvalidInputException(
            "MPN id " + mpnId + " is not one of your active resellers. Choose a reseller from the list.")));
  }
}
