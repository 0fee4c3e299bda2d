package com.reservationdesk.bench;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's DataSource and counts what reaches the database: statements (a JDBC batch
 * counts each of its statements; round trips are counted apart) and commits.
 */
public class JdbcCounter implements BeanPostProcessor {

  static final AtomicLong STATEMENTS = new AtomicLong();
  static final AtomicLong ROUND_TRIPS = new AtomicLong();
  static final AtomicLong COMMITS = new AtomicLong();
  static final AtomicLong SELECTS = new AtomicLong();
  /** Statements on the embedded Partner Center's own tables: in live mode these are HTTP calls to Microsoft. */
  static final AtomicLong PARTNER_CENTER = new AtomicLong();

  static final java.util.Map<String, Long> TRACE = new java.util.concurrent.ConcurrentHashMap<>();
  static volatile boolean tracing;

  static void reset() {
    TRACE.clear();
    STATEMENTS.set(0);
    ROUND_TRIPS.set(0);
    COMMITS.set(0);
    SELECTS.set(0);
    PARTNER_CENTER.set(0);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource) || bean.getClass().getName().startsWith("net.ttddyy")) {
      return bean;
    }
    return ProxyDataSourceBuilder.create(dataSource).name("counted")
        .listener(new QueryExecutionListener() {
          @Override
          public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

          @Override
          public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
            ROUND_TRIPS.incrementAndGet();
            long statements = execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : queries.size();
            STATEMENTS.addAndGet(statements);
            queries.stream().filter(q -> q.getQuery().trim().regionMatches(true, 0, "select", 0, 6)).forEach(q -> SELECTS.incrementAndGet());
            queries.stream().filter(q -> q.getQuery().contains(" pc_")).forEach(q -> PARTNER_CENTER.addAndGet(statements / queries.size()));
            if (tracing) {
              queries.forEach(q -> TRACE.merge(q.getQuery().replaceAll("\\s+", " ").trim(), execInfo.isBatch()
                  ? (long) Math.max(1, execInfo.getBatchSize()) : 1L, Long::sum));
            }
          }
        })
        .methodListener(new MethodExecutionListener() {
          @Override
          public void beforeMethod(MethodExecutionContext context) {}

          @Override
          public void afterMethod(MethodExecutionContext context) {
            Method method = context.getMethod();
            if (method.getName().equals("commit") && context.getTarget() instanceof Connection) {
              COMMITS.incrementAndGet();
            }
          }
        })
        .build();
  }
}
