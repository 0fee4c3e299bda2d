package com.reservationdesk.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.common.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The refund rules process owners keep in {@code processes/RefundRules.dmn}: each customer's refund budget (how much
 * cancelled commitment over which rolling window, and whether a kind of change counts), how a refund in another currency
 * counts in USD, and when a return or an exchange needs an approver.
 */
@Service
public class RefundPolicy {

  static final String BUDGET = "RefundBudget";
  static final String RATE = "RefundCurrencyRate";
  static final String APPROVAL = "ReturnApproval";
  public static final Set<String> TABLES = Set.of(BUDGET, RATE, APPROVAL);

  /** A return gives money back and counts against the budget; an exchange returns and buys in one step. */
  public enum Kind { RETURN, EXCHANGE }

  /** @param limitUsd the most cancelled commitment in the window; @param windowDays the rolling window; @param counted whether this kind counts */
  public record Budget(BigDecimal limitUsd, int windowDays, boolean counted) {}

  private final RuleTables tables;
  private final Cache<String, Object> answers = Caffeine.newBuilder().maximumSize(100).build();

  public RefundPolicy(RuleTables tables) {
    this.tables = tables;
  }

  public Budget budget(Kind kind) {
    return (Budget) answers.get("budget|" + kind, key -> {
      Map<String, Object> result = tables.decide(BUDGET, Map.of("kind", name(kind)));
      if (!(result.get("limitUsd") instanceof Number limit) || limit.doubleValue() < 0 || !(result.get("windowDays") instanceof Number days)
          || days.intValue() < 1 || !(result.get("counted") instanceof Boolean counted)) {
        throw new IllegalStateException(BUDGET + " answers " + result + " for " + kind
            + ": a limit in USD (0 or more), a window of days (1 or more) and whether it counts. Correct RefundRules.dmn.");
      }
      return new Budget(BigDecimal.valueOf(limit.doubleValue()).setScale(2, RoundingMode.HALF_UP), days.intValue(), counted);
    });
  }

  /** The amount in USD, two decimals, at the table's rate; a currency the table lacks is refused with a sentence. */
  public BigDecimal toUsd(BigDecimal amount, String currency) {
    BigDecimal rate = (BigDecimal) answers.get("rate|" + currency, key -> {
      Map<String, Object> result;
      try {
        result = tables.decide(RATE, Map.of("currency", currency));
      } catch (IllegalStateException none) {
        return BigDecimal.ZERO;
      }
      return result.get("usdPerUnit") instanceof Number n && n.doubleValue() > 0 ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO;
    });
    if (rate.signum() == 0) {
      throw new InvalidInputException("Refunds in " + currency + " cannot be counted against the USD refund limit yet: "
          + "a process owner adds its rate to RefundRules.dmn (table \u201cUSD per unit of the refund currency\u201d).");
    }
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }

  /** Why this change needs an approver; empty when it does not. */
  public Optional<String> approval(Kind kind, BigDecimal amountUsd, BigDecimal budgetLeftAfterUsd) {
    Map<String, Object> result = tables.decide(APPROVAL, Map.of("kind", name(kind), "amountUsd", amountUsd.doubleValue(),
        "budgetLeftAfterUsd", budgetLeftAfterUsd.doubleValue()));
    if (!(result.get("needsApproval") instanceof Boolean needs)) {
      throw new IllegalStateException(APPROVAL + " answers " + result + ": needsApproval must be true or false. Correct RefundRules.dmn.");
    }
    Object reason = result.get("reason");
    return needs ? Optional.of(reason == null || reason.toString().isBlank() ? "The refund rules ask for an approver." : reason.toString())
        : Optional.empty();
  }

  private static String name(Kind kind) {
    return kind == Kind.RETURN ? "return" : "exchange";
  }
}
