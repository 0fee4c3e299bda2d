package com.reservationdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;

/** Starting the application on an embedded PostgreSQL: the production profile with its connection. */
public final class TestPostgres {

  private TestPostgres() {}

  /** The arguments that point the application (demo data, {@code postgres} profile) at this database. */
  public static List<String> appArguments(EmbeddedPostgres postgres) {
    return List.of("--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
  }
}
