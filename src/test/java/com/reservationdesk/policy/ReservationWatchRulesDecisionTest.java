package com.reservationdesk.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.policy.ReservationWatchPolicy.Notice;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/ReservationWatchRules.dmn, through the policy that reads it, as Camunda's DMN engine evaluates it. */
class ReservationWatchRulesDecisionTest {

  static final DmnFileRuleTables TABLES = new DmnFileRuleTables(Path.of("processes", "ReservationWatchRules.dmn"));
  final ReservationWatchPolicy policy = new ReservationWatchPolicy(TABLES);

  @ParameterizedTest(name = "{0} with {1} days left: {2}")
  @CsvSource({
      "P1Y, -1, NONE", "P3Y, -30, NONE",
      "P1Y, 0, LAST", "P1Y, 7, LAST", "P3Y, 7, LAST",
      "P3Y, 8, FIRST", "P3Y, 60, FIRST", "P3Y, 61, NONE",
      "P1Y, 8, FIRST", "P1Y, 30, FIRST", "P1Y, 31, NONE", "P5Y, 30, FIRST", "P1Y, 365, NONE"})
  void renewalNotices(String term, long daysLeft, String expected) {
    Optional<Notice> notice = policy.renewalNotice(term, daysLeft);
    assertThat(notice.map(Enum::name).orElse("NONE")).isEqualTo(expected);
  }

  @Test
  void underUse_below80PercentOver7Days() {
    assertThat(policy.underUse("P1Y")).isEqualTo(new ReservationWatchPolicy.UnderUse(80, 7));
    assertThat(policy.underUse("P3Y")).isEqualTo(new ReservationWatchPolicy.UnderUse(80, 7));
  }

  @AfterAll
  static void everyRowWasHit() {
    assertThat(TABLES.neverMatched()).as("rows of ReservationWatchRules.dmn no test hits").isEmpty();
  }
}
