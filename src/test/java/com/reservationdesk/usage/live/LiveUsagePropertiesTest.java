package com.reservationdesk.usage.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The live usage settings as the app binds them: only in live mode, checked, and the secret never printed. */
class LiveUsagePropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackageClasses = LiveUsageProperties.class)
  static class Scan {}

  private final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Scan.class);

  @Test
  void theDemoNeedsNoneOfIt() {
    app.withPropertyValues("reservation-desk.partner.mode=embedded")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveUsageProperties.class));
  }

  @Test
  void liveModeWithoutTheSecret_doesNotStart_andSaysWhatToSet() {
    app.withPropertyValues("reservation-desk.partner.mode=live", "reservation-desk.usage.live.tenant-id=t",
            "reservation-desk.usage.live.client-id=c", "reservation-desk.usage.live.page-size=5000")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("reservation-desk.usage.live").hasMessageContaining("clientSecret")
              .hasMessageContaining("RESERVATION_DESK_USAGE_CLIENT_SECRET or RESERVATION_DESK_PC_CLIENT_SECRET")
              .hasMessageContaining("pageSize");
        });
  }

  @Test
  void liveModeWithItsSettings_bindsThem_withMicrosoftsDefaults() {
    app.withPropertyValues("reservation-desk.partner.mode=live", "reservation-desk.usage.live.tenant-id=3e5a2b1c-0000-4000-8000-00000000f00d",
            "reservation-desk.usage.live.client-id=c", "reservation-desk.usage.live.client-secret=s3cr3t-value")
        .run(context -> {
          LiveUsageProperties properties = context.getBean(LiveUsageProperties.class);
          assertThat(properties.effectiveTokenUri())
              .isEqualTo("https://login.microsoftonline.com/3e5a2b1c-0000-4000-8000-00000000f00d/oauth2/v2.0/token");
          assertThat(properties.armTokenUri("0118e021-78d5-3078-9f4f-b1cf22a211d9"))
              .isEqualTo("https://login.microsoftonline.com/0118e021-78d5-3078-9f4f-b1cf22a211d9/oauth2/v2.0/token");
          assertThat(properties.armUrl()).hasToString("https://management.azure.com");
          assertThat(properties.toString()).doesNotContain("s3cr3t-value");
        });
  }
}
