package com.reservationdesk.reservation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.order.AzurePortal;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The reservations page: every reservation the partner's customers own (or one customer's), as the nightly sweep last
 * saw it, with its use over 7 and 30 days and a small chart, its expiry and scope, the order it came from, a link to it
 * in the Azure portal, and what the watches raised and the agents decided. Sortable and filterable; read from
 * Reservation Desk's own table, so it answers without asking Partner Center or Azure. Same users as the order history.
 */
@Controller
public class ReservationsController {

  private static final Logger log = LoggerFactory.getLogger(ReservationsController.class);

  static final int PAGE = 50;

  private final ReservationRecords records;
  private final ReservationWatches watches;
  private final ScopeChanges scopes;
  private final ReservationSweep sweep;
  private final Clock clock;
  private final List<ReservationPageNotes> notes;
  private final SubscriptionService subscriptions;
  /**
   * One customer's page looks again at most this often: its reservations refreshed from the port, and the names of its
   * subscriptions (for a single scope), kept with the look.
   */
  private final Cache<String, Map<String, String>> looked = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
      .maximumSize(10_000).build();

  public ReservationsController(ReservationRecords records, ReservationWatches watches, ScopeChanges scopes, ReservationSweep sweep,
      Clock clock, List<ReservationPageNotes> notes, SubscriptionService subscriptions) {
    this.notes = notes;
    this.subscriptions = subscriptions;
    this.records = records;
    this.sweep = sweep;
    this.watches = watches;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** One reservation as the page and {@code /api/reservations} show it. */
  public record Row(String reservationId, String reservationOrderId, String customerId, String customerName, String reservation,
      String region, long quantity, String scope, String term, LocalDate purchaseDate, LocalDate expiryDate, long daysLeft,
      String state, boolean renew, BigDecimal utilization7d, BigDecimal utilization30d, String chart, String partnerCenterOrderId,
      String boughtBy, String portalUrl, List<String> history) {}

  /**
   * A page of the list and how many match.
   *
   * @param customerNotes for one customer's list, what other features say of the customer (its refund budget)
   */
  public record Listing(List<Row> reservations, int total, int page, int pageSize, List<String> customerNotes) {}

  @GetMapping("/reservations")
  public String page(@RequestParam(required = false) String customerId, @RequestParam(required = false) Integer expiringWithinDays,
      @RequestParam(required = false) BigDecimal utilizationBelow, @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String notice, Model model) {
    Listing listing = listing(customerId, expiringWithinDays, utilizationBelow, sort, page, true);
    model.addAttribute("listing", listing);
    model.addAttribute("customerId", blankToNull(customerId));
    model.addAttribute("customerName", listing.reservations().isEmpty() ? null : listing.reservations().get(0).customerName());
    model.addAttribute("expiringWithinDays", expiringWithinDays);
    model.addAttribute("utilizationBelow", utilizationBelow);
    model.addAttribute("sort", ReservationRecords.Sort.of(sort).name().toLowerCase(Locale.ROOT));
    model.addAttribute("pages", (listing.total() + PAGE - 1) / PAGE);
    // What a button under a reservation could not start, in a sentence (shown as text, never as markup).
    model.addAttribute("notice", notice == null || notice.isBlank() ? null : notice.substring(0, Math.min(notice.length(), 500)));
    return "reservations";
  }

  @GetMapping("/api/reservations")
  @ResponseBody
  public Listing api(@RequestParam(required = false) String customerId, @RequestParam(required = false) Integer expiringWithinDays,
      @RequestParam(required = false) BigDecimal utilizationBelow, @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page) {
    return listing(customerId, expiringWithinDays, utilizationBelow, sort, page, false);
  }

  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  @ResponseBody
  public String refused(InvalidInputException e) {
    return e.getMessage();
  }

  Listing listing(String customerId, Integer expiringWithinDays, BigDecimal utilizationBelow, String sort, int page, boolean history) {
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3650)) {
      throw new InvalidInputException("Expiring within: a number of days from 0 to 3,650.");
    }
    if (utilizationBelow != null && (utilizationBelow.signum() < 0 || utilizationBelow.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new InvalidInputException("Utilization below: a percentage from 0 to 100.");
    }
    if (page < 0 || page > 100_000) {
      throw new InvalidInputException("No such page.");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String customer = blankToNull(customerId);
    ReservationRecords.Query query = new ReservationRecords.Query(customer, expiringWithinDays, utilizationBelow,
        ReservationRecords.Sort.of(sort), PAGE, page * PAGE);
    Map<String, String> names = customer == null ? Map.of() : looked.get(customer, this::lookAgain);
    List<Row> rows = records.list(query, today).stream().map(r -> row(r, today, history, names)).toList();
    List<String> about = customer == null ? List.of()
        : notes.stream().flatMap(n -> n.aboutCustomer(customer).stream()).toList();
    return new Listing(rows, records.count(query, today), page, PAGE, about);
  }

  /**
   * A customer's page looks again: its reservations refreshed from the port, and its subscriptions' names, so a single
   * scope reads as the agent knows it. What cannot be looked at now is logged; the page shows what the last sweep saw,
   * and a subscription's id.
   */
  private Map<String, String> lookAgain(String customerId) {
    try {
      sweep.syncCustomer(customerId);
    } catch (ReservationRefusedException unknown) {
      return Map.of(); // Not a customer of the partner: the list is simply empty.
    } catch (ReservationsUnavailableException unavailable) {
      log.warn("Reservations of {} not refreshed: {}", customerId, unavailable.getMessage());
    }
    try {
      Map<String, String> names = new HashMap<>();
      subscriptions.azureSubscriptions(customerId).forEach(s -> names.put(s.subscriptionId().toLowerCase(Locale.ROOT), s.friendlyName()));
      return names;
    } catch (RuntimeException unavailable) {
      log.warn("Subscriptions of {} not named: {}", customerId, unavailable.getMessage());
      return Map.of();
    }
  }

  private Row row(ReservationRecord r, LocalDate today, boolean withHistory, Map<String, String> subscriptionNames) {
    List<String> history = List.of();
    if (withHistory) {
      history = new ArrayList<>();
      for (ReservationWatches.Watch w : watches.history(r.reservationId())) {
        history.add(describe(w));
      }
      history.addAll(scopes.history(r.reservationId()).stream().map(h -> "Scope " + h).toList());
      for (ReservationPageNotes n : notes) {
        history.addAll(n.aboutReservation(r.reservationId()));
      }
    }
    return new Row(r.reservationId(), r.reservationOrderId(), r.customerId(), r.customerName(),
        r.quantity() + " \u00d7 " + r.armSkuName(), r.armRegionName(), r.quantity(), scopeLabel(r, subscriptionNames),
        Term.label(r.termDuration()) + (r.billingPlan() == null ? "" : ", " + r.billingPlan()), r.purchaseDate(), r.expiryDate(),
        ChronoUnit.DAYS.between(today, r.expiryDate()), r.provisioningState(), r.renew(), r.utilization7d(), r.utilization30d(),
        Sparkline.svg(r.utilizationDays()), r.partnerCenterOrderId(), r.boughtBy(), AzurePortal.reservationsOf(r.customerId()), history);
  }

  /** "shared", or "single: Proseware Health Production (540047cf-…)" when the subscription's name is known. */
  private static String scopeLabel(ReservationRecord r, Map<String, String> names) {
    String name = r.scopeSubscription() == null ? null : names.get(r.scopeSubscription().toLowerCase(Locale.ROOT));
    return name == null ? r.scopeLabel() : "single: " + name + " (" + r.scopeSubscription() + ")";
  }

  private static String describe(ReservationWatches.Watch w) {
    String what = w.kind() == ReservationWatches.Kind.RENEWAL ? "Renewal notice (" + w.notice().toLowerCase(Locale.ROOT) + ")"
        : "Under-use (" + w.notice() + ")";
    String status = switch (w.status()) {
      case OPEN -> "open" + (w.raisedFor() == null ? ", for every agent" : ", for " + w.raisedFor());
      case RENEWED -> "renewed by " + w.decidedBy() + (w.purchaseId() == null ? "" : " (purchase " + w.purchaseId() + ")");
      case LET_EXPIRE -> "left to expire by " + w.decidedBy() + ": " + w.reason();
      case EXPIRED_UNDECIDED -> "expired before anyone decided";
      case SCOPE_CHANGE -> "scope change chosen by " + w.decidedBy();
      case RETURN_PLANNED -> "return chosen by " + w.decidedBy() + (w.reason() == null ? "" : ": " + w.reason());
      case EXCHANGE_PLANNED -> "exchange chosen by " + w.decidedBy() + (w.reason() == null ? "" : ": " + w.reason());
      case KEPT -> "kept by " + w.decidedBy() + ": " + w.reason();
    };
    return what + ": " + status;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
