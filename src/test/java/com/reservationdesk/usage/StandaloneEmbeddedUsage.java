package com.reservationdesk.usage;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.usage.embedded.EmbeddedUsageSource;
import com.reservationdesk.usage.embedded.UsageProfileSeeder;
import java.time.Clock;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * The embedded usage outside the app: a standalone embedded Partner Center (its own in-memory database with the demo
 * data), the usage profiles seeded into it, and the adapter with its transactions honoured as in the app, on the
 * clock given. The contract suite tests one; the fake usage server stands on one.
 */
public final class StandaloneEmbeddedUsage {

  private final StandaloneEmbeddedPartnerCenter partnerCenter = new StandaloneEmbeddedPartnerCenter();
  private final UsageSource usage;

  public StandaloneEmbeddedUsage(Clock clock) {
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(partnerCenter.dataSource());
    new UsageProfileSeeder(new JdbcTemplate(partnerCenter.dataSource()), transactions,
        new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Fake partner", "embedded", true)).afterPropertiesSet();
    ProxyFactory proxy = new ProxyFactory(new EmbeddedUsageSource(JdbcClient.create(partnerCenter.dataSource()),
        partnerCenter.catalog(), clock));
    proxy.addInterface(UsageSource.class);
    proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
    this.usage = (UsageSource) proxy.getProxy();
  }

  /** The adapter, as the app would call it. */
  public UsageSource usage() {
    return usage;
  }

  public PartnerCenter partnerCenter() {
    return partnerCenter.partnerCenter();
  }

  public StandaloneEmbeddedPartnerCenter embeddedPartnerCenter() {
    return partnerCenter;
  }
}
