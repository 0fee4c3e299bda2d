package com.reservationdesk.common;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OAuth2 client registrations of a live adapter that reads customers' Azure tenants: the app in the partner's tenant
 * for Partner Center, and the same app in each customer's tenant for Azure Resource Manager, made when first asked for.
 * A customer's token comes from the customer's tenant because Azure authorizes the app there (its consent and role), not
 * in the partner's. Each adapter names its registrations with its own prefix, so their token stores never mix.
 */
public final class TenantRegistrations implements ClientRegistrationRepository {

  /** The app, its secret and where its tokens come from. {@code armTokenUri} has {@code {tenantId}} for the customer's tenant. */
  public record App(String clientId, String clientSecret, String partnerTokenUri, String partnerCenterScope, String armTokenUri,
      String armScope) {

    /** Never prints the secret. */
    @Override
    public String toString() {
      return "App[clientId=" + clientId + ", partnerTokenUri=" + partnerTokenUri + ", armTokenUri=" + armTokenUri + "]";
    }
  }

  private final String prefix;
  private final App app;
  private final ClientRegistration partnerCenter;
  private final Map<String, ClientRegistration> arm = new ConcurrentHashMap<>();

  /** @param prefix names this adapter's registrations ({@code usage}, {@code reservations}) */
  public TenantRegistrations(String prefix, App app) {
    this.prefix = prefix;
    this.app = app;
    this.partnerCenter = registration(partnerCenter(), app.partnerTokenUri(), app.partnerCenterScope());
  }

  /** The registration id for Partner Center, in the partner's tenant. */
  public String partnerCenter() {
    return prefix + "-partner-center";
  }

  /** The registration id for Azure Resource Manager in a customer's tenant (a tenant id is a GUID). */
  public String arm(String tenantId) {
    return prefix + "-arm:" + UUID.fromString(tenantId);
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (partnerCenter().equals(registrationId)) {
      return partnerCenter;
    }
    String armPrefix = prefix + "-arm:";
    if (registrationId != null && registrationId.startsWith(armPrefix)) {
      String tenantId = UUID.fromString(registrationId.substring(armPrefix.length())).toString();
      return arm.computeIfAbsent(tenantId, tenant -> registration(registrationId, app.armTokenUri().replace("{tenantId}", tenant),
          app.armScope()));
    }
    return null;
  }

  private ClientRegistration registration(String id, String tokenUri, String scope) {
    return ClientRegistration.withRegistrationId(id)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .clientId(app.clientId())
        .clientSecret(app.clientSecret())
        .tokenUri(tokenUri)
        .scope(scope)
        .build();
  }
}
