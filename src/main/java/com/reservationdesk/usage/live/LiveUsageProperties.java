package com.reservationdesk.usage.live;

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
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where live usage comes from: Partner Center's daily rated usage, with the partner's app registration, and Azure
 * Resource Manager's reservation recommendations in each customer's tenant, with the same app (consented there).
 * By default every setting is the live Partner Center's (application.yaml); the secret comes from the environment
 * only. Bound in live mode only, so the demo needs none of it.
 *
 * @param partnerCenterUrl Partner Center's API, {@code https://api.partnercenter.microsoft.com/v1}
 * @param tenantId the partner's Microsoft Entra tenant
 * @param clientId the app registration's application (client) id
 * @param clientSecret its secret; never logged
 * @param tokenUri the partner tenant's token endpoint; empty for Microsoft Entra ID's
 * @param partnerCenterScope what the Partner Center token is for
 * @param armUrl Azure Resource Manager
 * @param armTokenUri a customer tenant's token endpoint, with {@code {tenantId}} where the customer's tenant id goes
 * @param armScope what the Azure Resource Manager token is for
 * @param currency {@code currencycode} of the rated usage: the partner's billing currency
 * @param pageSize line items asked for per page (Partner Center's maximum is 2,000)
 * @param cacheFor how long the partner's rated usage, read for all customers at once, is kept before it is read again
 * @param maxThrottledRetries how often a throttled call (429) is repeated after its {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} waited for
 * @param regionsFile ARM region names and the display names usage data writes ({@code westeurope,EU West})
 * @param sizesFile known VM sizes, to tell which of the sizes a shared meter names ran
 */
@Validated
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@ConfigurationProperties("reservation-desk.usage.live")
public record LiveUsageProperties(
    @NotNull @DefaultValue("https://api.partnercenter.microsoft.com/v1") URI partnerCenterUrl,
    @NotBlank(message = "must be set: the partner's tenant id (RESERVATION_DESK_USAGE_TENANT_ID or RESERVATION_DESK_PC_TENANT_ID)")
    String tenantId,
    @NotBlank(message = "must be set: the app's client id (RESERVATION_DESK_USAGE_CLIENT_ID or RESERVATION_DESK_PC_CLIENT_ID)")
    String clientId,
    @NotBlank(message = "must be set in the environment: RESERVATION_DESK_USAGE_CLIENT_SECRET or RESERVATION_DESK_PC_CLIENT_SECRET")
    String clientSecret,
    String tokenUri,
    @NotBlank @DefaultValue("https://api.partnercenter.microsoft.com/.default") String partnerCenterScope,
    @NotNull @DefaultValue("https://management.azure.com") URI armUrl,
    @NotBlank @Pattern(regexp = ".*\\{tenantId}.*", message = "must contain {tenantId}")
    @DefaultValue("https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token") String armTokenUri,
    @NotBlank @DefaultValue("https://management.azure.com/.default") String armScope,
    @NotBlank @Pattern(regexp = "[A-Za-z]{3}") @DefaultValue("USD") String currency,
    @Min(1) @Max(2000) @DefaultValue("2000") int pageSize,
    @NotNull @DefaultValue("PT1H") Duration cacheFor,
    @NotNull @DefaultValue("PT10S") Duration connectTimeout,
    @NotNull @DefaultValue("PT120S") Duration readTimeout,
    @Min(0) @DefaultValue("3") int maxThrottledRetries,
    @NotNull @DefaultValue("PT30S") Duration maxRetryAfter,
    @NotNull @DefaultValue("classpath:partnercenter/catalog/azure-regions.csv") Resource regionsFile,
    @NotNull @DefaultValue("classpath:partnercenter/catalog/vm-sizes.csv") Resource sizesFile) {

  /** Microsoft Entra ID's token endpoint of the partner's tenant, unless another is configured. */
  public String effectiveTokenUri() {
    return tokenUri == null || tokenUri.isBlank() ? "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token" : tokenUri;
  }

  /** The token endpoint of a customer's tenant. */
  public String armTokenUri(String customerTenantId) {
    return armTokenUri.replace("{tenantId}", customerTenantId);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "LiveUsageProperties[partnerCenterUrl=" + partnerCenterUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null || clientSecret.isBlank() ? "(none)" : "(set)") + ", tokenUri=" + effectiveTokenUri()
        + ", armUrl=" + armUrl + ", armTokenUri=" + armTokenUri + ", currency=" + currency + "]";
  }
}
