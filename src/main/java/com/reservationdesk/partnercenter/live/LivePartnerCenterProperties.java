package com.reservationdesk.partnercenter.live;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Reservation Desk reaches the real Partner Center: the API, the partner's Microsoft Entra app
 * registration, and how patient it is. The credentials come from environment variables (see README).
 *
 * @param baseUrl the API, {@code https://api.partnercenter.microsoft.com/v1}
 * @param tenantId the partner's Microsoft Entra tenant, where the app is registered
 * @param clientId the app registration's application (client) id
 * @param clientSecret the app registration's secret; never logged
 * @param tokenUri the token endpoint; empty for Microsoft Entra ID's for the tenant
 * @param scope what the token is for
 * @param locale {@code X-Locale}: the language of Partner Center's descriptions
 * @param reservationScope {@code AzurePlan} asks the catalog for reservations bought for Azure plan subscriptions
 * @param maxThrottledRetries how often a throttled call (429) is repeated after its {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} waited for in the call; longer is left to the job's retry
 * @param pageSize items asked for per page where the API pages
 */
@ConfigurationProperties("reservation-desk.partner.live")
public record LivePartnerCenterProperties(
    @DefaultValue("https://api.partnercenter.microsoft.com/v1") URI baseUrl,
    String tenantId,
    String clientId,
    String clientSecret,
    String tokenUri,
    @DefaultValue("https://api.partnercenter.microsoft.com/.default") String scope,
    @DefaultValue("en-US") String locale,
    @DefaultValue("AzurePlan") String reservationScope,
    @DefaultValue("PT10S") Duration connectTimeout,
    @DefaultValue("PT60S") Duration readTimeout,
    @DefaultValue("3") int maxThrottledRetries,
    @DefaultValue("PT30S") Duration maxRetryAfter,
    @DefaultValue("100") int pageSize) {

  /** The settings live mode cannot run without, by the environment variable an operator sets. */
  public List<String> missingSettings() {
    List<String> missing = new ArrayList<>();
    if (baseUrl == null || baseUrl.getHost() == null) {
      missing.add("RESERVATION_DESK_PC_BASE_URL (reservation-desk.partner.live.base-url, an absolute https URL)");
    }
    if (isBlank(tenantId)) {
      missing.add("RESERVATION_DESK_PC_TENANT_ID (reservation-desk.partner.live.tenant-id)");
    }
    if (isBlank(clientId)) {
      missing.add("RESERVATION_DESK_PC_CLIENT_ID (reservation-desk.partner.live.client-id)");
    }
    if (isBlank(clientSecret)) {
      missing.add("RESERVATION_DESK_PC_CLIENT_SECRET (reservation-desk.partner.live.client-secret)");
    }
    return missing;
  }

  /** Microsoft Entra ID's token endpoint of the partner's tenant, unless another is configured. */
  public String effectiveTokenUri() {
    return isBlank(tokenUri) ? "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token" : tokenUri;
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "LivePartnerCenterProperties[baseUrl=" + baseUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=" + (isBlank(clientSecret) ? "(none)" : "(set)") + ", tokenUri=" + effectiveTokenUri() + "]";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
