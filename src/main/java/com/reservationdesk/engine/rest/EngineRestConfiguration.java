package com.reservationdesk.engine.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds Reservation Desk's error mapping to Camunda's REST API ({@code /engine-rest}). */
@Configuration
public class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer invalidInputMapping() {
    return config -> {
      config.register(InvalidInputExceptionMapper.class);
      config.register(ConcurrentChangeResponseFilter.class);
    };
  }
}
