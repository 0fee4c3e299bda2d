package com.reservationdesk.partnercenter.live;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Reservation Desk reaches the real Partner Center: the API, the partner's Microsoft Entra app
 * registration, and how patient it is. The credentials come from environment variables (see README); a missing one
 * stops the start with a message that names its variable. Bound and validated in live mode only
 * ({@link LivePartnerCenterConfiguration}; the condition keeps the application's properties scan from binding it in
 * embedded mode, which needs none of it).
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
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@Validated
public record LivePartnerCenterProperties(
    @DefaultValue("https://api.partnercenter.microsoft.com/v1") URI baseUrl,
    @NotBlank(message = NEEDS + "RESERVATION_DESK_PC_TENANT_ID (reservation-desk.partner.live.tenant-id)" + HOW) String tenantId,
    @NotBlank(message = NEEDS + "RESERVATION_DESK_PC_CLIENT_ID (reservation-desk.partner.live.client-id)" + HOW) String clientId,
    @NotBlank(message = NEEDS + "RESERVATION_DESK_PC_CLIENT_SECRET (reservation-desk.partner.live.client-secret)" + HOW)
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

  private static final String NEEDS = "Live Partner Center mode (reservation-desk.partner.mode=live) needs ";
  private static final String HOW = ". Set it in the environment (see README, \"Live Partner Center\"), or run with the embedded "
      + "Partner Center.";

  @AssertTrue(message = NEEDS + "RESERVATION_DESK_PC_BASE_URL (reservation-desk.partner.live.base-url, an absolute https URL)" + HOW)
  public boolean isBaseUrlAbsolute() {
    return baseUrl != null && baseUrl.getHost() != null;
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
