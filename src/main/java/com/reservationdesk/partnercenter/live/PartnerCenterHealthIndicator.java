package com.reservationdesk.partnercenter.live;

import com.reservationdesk.partnercenter.PartnerCenterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the live Partner Center answers with the app's credentials, in {@code /actuator/health}
 * (not in readiness: Microsoft being away must not take every node out of the load balancer). Asks at
 * most every {@code interval}, because Partner Center throttles and health is polled often; a failure
 * is logged with its reason, so a wrong secret shows before the first agent's incident.
 */
class PartnerCenterHealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(PartnerCenterHealthIndicator.class);

  private final LivePartnerCenter partnerCenter;
  private final Duration interval;
  private final Clock clock;
  private volatile Health last;
  private volatile Instant checkedAt = Instant.MIN;

  PartnerCenterHealthIndicator(LivePartnerCenter partnerCenter, Duration interval, Clock clock) {
    this.partnerCenter = partnerCenter;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last != null && checkedAt.plus(interval).isAfter(now)) {
      return last;
    }
    try {
      partnerCenter.ping();
      if (last != null && !"UP".equals(last.getStatus().getCode())) {
        log.info("Partner Center answers again");
      }
      last = Health.up().withDetail("mode", "live").withDetail("checkedAt", now.toString()).build();
    } catch (PartnerCenterException e) {
      log.warn("Partner Center health check failed: {}", e.getMessage());
      last = Health.down().withDetail("mode", "live").withDetail("checkedAt", now.toString())
          .withDetail("problem", e.getMessage()).build();
    }
    checkedAt = now;
    return last;
  }
}
