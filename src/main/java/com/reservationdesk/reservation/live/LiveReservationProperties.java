package com.reservationdesk.reservation.live;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where live reservations come from: Partner Center's entitlements with the partner's app registration, and Azure
 * Resource Manager's reservations, utilization summaries and scope changes in each customer's tenant with the same app
 * (consented there, with a Reservations role). By default every setting is the live Partner Center's
 * (application.yaml); the secret comes from the environment only. Bound in live mode only.
 *
 * @param customerPageSize customers asked for per Partner Center page while the partner-wide listing walks them
 * @param maxPolls how often a scope change that Azure accepted (202) is looked at before it counts as failed
 * @param pollInterval the wait between looks when Azure sends no {@code Retry-After}
 * @param capacityApiVersion {@code Microsoft.Capacity}'s api-version
 * @param consumptionApiVersion {@code Microsoft.Consumption}'s api-version
 */
@Validated
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@ConfigurationProperties("reservation-desk.reservations.live")
public record LiveReservationProperties(
    @NotNull @DefaultValue("https://api.partnercenter.microsoft.com/v1") URI partnerCenterUrl,
    @NotBlank(message = "must be set: the partner's tenant id (RESERVATION_DESK_RESERVATIONS_TENANT_ID or RESERVATION_DESK_PC_TENANT_ID)")
    String tenantId,
    @NotBlank(message = "must be set: the app's client id (RESERVATION_DESK_RESERVATIONS_CLIENT_ID or RESERVATION_DESK_PC_CLIENT_ID)")
    String clientId,
    @NotBlank(message = "must be set in the environment: RESERVATION_DESK_RESERVATIONS_CLIENT_SECRET or RESERVATION_DESK_PC_CLIENT_SECRET")
    String clientSecret,
    String tokenUri,
    @NotBlank @DefaultValue("https://api.partnercenter.microsoft.com/.default") String partnerCenterScope,
    @NotNull @DefaultValue("https://management.azure.com") URI armUrl,
    @NotBlank @Pattern(regexp = ".*\\{tenantId}.*", message = "must contain {tenantId}")
    @DefaultValue("https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token") String armTokenUri,
    @NotBlank @DefaultValue("https://management.azure.com/.default") String armScope,
    @Min(1) @Max(500) @DefaultValue("100") int customerPageSize,
    @NotNull @DefaultValue("PT10S") Duration connectTimeout,
    @NotNull @DefaultValue("PT60S") Duration readTimeout,
    @Min(0) @DefaultValue("3") int maxThrottledRetries,
    @NotNull @DefaultValue("PT30S") Duration maxRetryAfter,
    @Min(1) @Max(120) @DefaultValue("30") int maxPolls,
    @NotNull @DefaultValue("PT5S") Duration pollInterval,
    @NotBlank @DefaultValue("2022-11-01") String capacityApiVersion,
    @NotBlank @DefaultValue("2023-05-01") String consumptionApiVersion) {

  @AssertTrue(message = "partner-center-url and arm-url must be absolute http(s) URLs")
  public boolean isUrlsAbsolute() {
    return absolute(partnerCenterUrl) && absolute(armUrl);
  }

  /** Microsoft Entra ID's token endpoint of the partner's tenant, unless another is configured. */
  public String effectiveTokenUri() {
    return tokenUri == null || tokenUri.isBlank() ? "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token" : tokenUri;
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "LiveReservationProperties[partnerCenterUrl=" + partnerCenterUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null || clientSecret.isBlank() ? "(none)" : "(set)") + ", tokenUri=" + effectiveTokenUri()
        + ", armUrl=" + armUrl + ", armTokenUri=" + armTokenUri + "]";
  }

  private static boolean absolute(URI uri) {
    return uri != null && uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
  }
}
