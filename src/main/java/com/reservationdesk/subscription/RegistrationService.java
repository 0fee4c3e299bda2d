package com.reservationdesk.subscription;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.RegistrationStatus;
import org.springframework.stereotype.Service;

/** Registration of an Azure subscription for reservations, a prerequisite of every reservation purchase. */
@Service
public class RegistrationService {

  private final PartnerCenter partnerCenter;

  public RegistrationService(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /** Asks for the registration unless it is done (asking again is harmless) and says where it stands. */
  public RegistrationStatus register(String customerId, String azureSubscriptionId) {
    RegistrationStatus status = partnerCenter.getRegistrationStatus(customerId, azureSubscriptionId);
    if (status == RegistrationStatus.NOT_REGISTERED) {
      partnerCenter.registerForReservations(customerId, azureSubscriptionId);
      status = partnerCenter.getRegistrationStatus(customerId, azureSubscriptionId);
    }
    return status;
  }
}
