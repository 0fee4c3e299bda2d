package com.reservationdesk.purchase;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Your purchases": what each purchase the logged-in agent started is doing, including what it waits for
 * while no task is open (an approver, Microsoft registering the subscription, Partner Center finishing the
 * order). Only the agent's own purchases: a purchase in progress is visible to nobody else but operators,
 * in Cockpit.
 */
@Controller
public class PurchasesController {

  static final int LIMIT = 100;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH);

  private final PurchaseService purchases;

  public PurchasesController(PurchaseService purchases) {
    this.purchases = purchases;
  }

  /** One purchase as the page and {@code /api/purchases} show it. */
  public record Row(String purchaseId, String customerName, String customerId, String subscriptionName, String status,
      String stage, String waitingFor, String orderedBy, String approvalReason, String decidedBy, String rejectionReason,
      Instant startedAt, Instant updatedAt) {}

  @GetMapping("/purchases")
  public String page(Principal user, Model model) {
    model.addAttribute("user", user.getName());
    model.addAttribute("purchases", rows(user));
    model.addAttribute("limit", LIMIT);
    model.addAttribute("when", WHEN);
    return "purchases";
  }

  @GetMapping("/api/purchases")
  @ResponseBody
  public List<Row> api(Principal user) {
    return rows(user);
  }

  private List<Row> rows(Principal user) {
    return purchases.startedBy(user.getName(), LIMIT).stream().map(PurchasesController::row).toList();
  }

  static Row row(Purchase p) {
    return new Row(p.id(), p.customerName(), p.customerId(), p.subscriptionName(), p.status().name(), stage(p), p.waitingFor(),
        p.orderedBy(), p.approvalReason(), p.decidedBy(), p.rejectionReason(), p.createdAt(), p.updatedAt());
  }

  /** Where the purchase stands, in the words of an agent. */
  static String stage(Purchase p) {
    return switch (p.status()) {
      case DRAFT -> "Choosing the customer and subscription: your task list has its next step.";
      case OPEN -> "Cart open: your task list has its next step.";
      case ORDERING -> p.waitingFor() != null ? "Waiting for " + p.waitingFor() + "." : "Being ordered.";
      case ORDERED -> "Ordered.";
      case CANCELLED -> "Cancelled.";
      case EXPIRED -> "Ended unbought: the cart's lifetime was over.";
      case EXCHANGED -> "Handed to an exchange, which buys these reservations with what it returns.";
    };
  }
}
