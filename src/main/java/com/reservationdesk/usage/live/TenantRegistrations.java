package com.reservationdesk.usage.live;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OAuth2 client registrations of the live usage adapter: the app in the partner's tenant for Partner Center, and
 * the same app in each customer's tenant for Azure Resource Manager, made when first asked for. A customer's token
 * comes from the customer's tenant because Azure authorizes the app there (its consent and role), not in the
 * partner's.
 */
final class TenantRegistrations implements ClientRegistrationRepository {

  static final String PARTNER_CENTER = "usage-partner-center";
  private static final String ARM_PREFIX = "usage-arm:";

  private final LiveUsageProperties properties;
  private final ClientRegistration partnerCenter;
  private final Map<String, ClientRegistration> arm = new ConcurrentHashMap<>();

  TenantRegistrations(LiveUsageProperties properties) {
    this.properties = properties;
    this.partnerCenter = registration(PARTNER_CENTER, properties.effectiveTokenUri(), properties.partnerCenterScope());
  }

  /** The registration id for Azure Resource Manager in a customer's tenant (a tenant id is a GUID). */
  static String arm(String tenantId) {
    return ARM_PREFIX + UUID.fromString(tenantId);
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (PARTNER_CENTER.equals(registrationId)) {
      return partnerCenter;
    }
    if (registrationId != null && registrationId.startsWith(ARM_PREFIX)) {
      String tenantId = UUID.fromString(registrationId.substring(ARM_PREFIX.length())).toString();
      return arm.computeIfAbsent(tenantId, tenant -> registration(registrationId, properties.armTokenUri(tenant), properties.armScope()));
    }
    return null;
  }

  private ClientRegistration registration(String id, String tokenUri, String scope) {
    return ClientRegistration.withRegistrationId(id)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .tokenUri(tokenUri)
        .scope(scope)
        .build();
  }
}
