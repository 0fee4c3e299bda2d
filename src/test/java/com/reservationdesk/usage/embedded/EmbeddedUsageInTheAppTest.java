package com.reservationdesk.usage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.VmUsage;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo app reads usage from the embedded Partner Center, through Spring's transactions on its own pool. */
@AppTest
class EmbeddedUsageInTheAppTest {

  @Autowired UsageSource usage;
  @Autowired PartnerCenter partnerCenter;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDemoAppSeedsAndServesTheDemoUsage() {
    assertThat(AopUtils.getTargetClass(usage)).isEqualTo(EmbeddedUsageSource.class);
    assertThat(AopUtils.isAopProxy(usage)).as("its calls run as Partner Center calls, in transactions of their own").isTrue();
    assertThat(jdbc.queryForObject("select count(*) from pc_usage_profile", Integer.class)).isEqualTo(12);
    String contoso = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "contoso.onmicrosoft.com", 1).get(0).id();
    assertThat(usage.vmUsage(contoso, LookBack.LAST_7_DAYS)).extracting(VmUsage::armSkuName)
        .containsExactly("Standard_D2s_v5", "Standard_D4s_v5", "Standard_NC6s_v3");
    assertThat(usage.azureRecommendations(contoso, LookBack.LAST_7_DAYS)).isNotEmpty();
  }
}
