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

  static void reset() {
    STATEMENTS.set(0);
    ROUND_TRIPS.set(0);
    COMMITS.set(0);
    SELECTS.set(0);
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
