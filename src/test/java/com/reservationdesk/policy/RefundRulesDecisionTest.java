package com.reservationdesk.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.policy.RefundPolicy.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/RefundRules.dmn, through the policy that reads it, as Camunda's DMN engine evaluates it. */
class RefundRulesDecisionTest {

  static final DmnFileRuleTables TABLES = new DmnFileRuleTables(Path.of("processes", "RefundRules.dmn"));
  final RefundPolicy policy = new RefundPolicy(TABLES);

  @Test
  void aReturnCountsAgainstUsd50000InAYear_anExchangeDoesNot() {
    assertThat(policy.budget(Kind.RETURN)).isEqualTo(new RefundPolicy.Budget(new BigDecimal("50000.00"), 365, true));
    assertThat(TABLES.lastMatched()).containsExactly("Rule_RefundBudget_Return");
    assertThat(policy.budget(Kind.EXCHANGE)).isEqualTo(new RefundPolicy.Budget(new BigDecimal("50000.00"), 365, false));
    assertThat(TABLES.lastMatched()).containsExactly("Rule_RefundBudget_Exchange");
  }

  @ParameterizedTest(name = "1,000 {0} count as USD {1}")
  @CsvSource({"USD, 1000.00", "EUR, 1080.00", "GBP, 1270.00", "CHF, 1130.00", "CAD, 730.00", "AUD, 660.00", "NZD, 600.00",
      "SEK, 95.00", "NOK, 93.00", "DKK, 145.00", "JPY, 6.70", "INR, 12.00", "BRL, 180.00"})
  void aRefundInAnotherCurrencyCountsInUsdAtTheTablesRate(String currency, BigDecimal usd) {
    assertThat(policy.toUsd(new BigDecimal("1000"), currency)).isEqualByComparingTo(usd);
    assertThat(TABLES.lastMatched()).containsExactly("Rule_RefundCurrencyRate_" + currency);
  }

  @Test
  void aCurrencyWithoutARateIsRefusedWithASentenceNamingTheTable() {
    assertThatThrownBy(() -> policy.toUsd(BigDecimal.TEN, "PLN")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PLN").hasMessageContaining("RefundRules.dmn");
  }

  @Test
  void approval_largeReturns_returnsThatLeaveLittleBudget_expensiveExchanges() {
    assertThat(policy.approval(Kind.RETURN, new BigDecimal("10000"), new BigDecimal("30000")))
        .contains("A refund of USD 10,000 or more needs an approver.");
    assertThat(TABLES.lastMatched()).containsExactly("Rule_ReturnApproval_LargeReturn");
    assertThat(policy.approval(Kind.RETURN, new BigDecimal("9999.99"), new BigDecimal("30000"))).isEmpty();
    assertThat(TABLES.lastMatched()).containsExactly("Rule_ReturnApproval_Otherwise");
    assertThat(policy.approval(Kind.RETURN, new BigDecimal("3073"), new BigDecimal("4999.99"))).hasValueSatisfying(
        reason -> assertThat(reason).contains("less than USD 5,000"));
    assertThat(TABLES.lastMatched()).containsExactly("Rule_ReturnApproval_BudgetNearlyUsed");
    assertThat(policy.approval(Kind.EXCHANGE, new BigDecimal("25000"), new BigDecimal("100"))).hasValueSatisfying(
        reason -> assertThat(reason).contains("USD 25,000"));
    assertThat(TABLES.lastMatched()).containsExactly("Rule_ReturnApproval_LargeExchange");
    // Little budget left does not hold up an exchange: it does not count.
    assertThat(policy.approval(Kind.EXCHANGE, new BigDecimal("24999.99"), new BigDecimal("100"))).isEmpty();
  }

  @AfterAll
  static void everyRowWasHit() {
    assertThat(TABLES.neverMatched()).as("rows of RefundRules.dmn no test hits").isEmpty();
  }
}
