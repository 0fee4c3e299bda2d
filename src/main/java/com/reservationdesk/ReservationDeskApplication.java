package com.reservationdesk;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Reservation Desk: CSP agents buy Azure reservations for their customers through a Camunda process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReservationDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReservationDeskApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
