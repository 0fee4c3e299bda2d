package com.reservationdesk.reservation.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenterDatabase;
import com.reservationdesk.partnercenter.embedded.EmbeddedReservationOrders;
import com.reservationdesk.partnercenter.embedded.PartnerCenterCall;
import com.reservationdesk.partnercenter.embedded.PartnerCenterIds;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ExchangeQuote;
import com.reservationdesk.reservation.NewReservation;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.RefundQuote;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import com.reservationdesk.reservation.ReturnLine;
import com.reservationdesk.reservation.ReturnOperation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Returns and exchanges at the embedded Azure, on the embedded Partner Center's reservation orders, its pool and its
 * transactions ({@link PartnerCenterCall}), with its sessions and operations in {@code pc_return_session} and
 * {@code pc_return_operation} (V11). It behaves as Azure's reservation order API does, in small:
 *
 * <ul>
 *   <li>a refund is the prorated remaining value of what is returned: the reservation's price (its SKU's price in the price
 *       file, which is what the embedded checkout charged; the demo's reservations are priced the same way) times the
 *       share of the term still to run. Monthly billing refunds what was paid beyond what was used; the instalments still
 *       to come are simply cancelled;
 *   <li>a quote's session is valid for {@value #SESSION_MINUTES} minutes on the app's clock and is used once;
 *   <li>a return lowers the reservation's quantity, a return of all of it leaves it {@code Cancelled}; an exchange does the
 *       same for what it returns and creates a reservation order with its reservation for each new one, under a Partner
 *       Center order id made up like the checkout's (not in the embedded order history, like the demo's);
 *   <li>both change the reservations when Azure accepts them, in the same transaction as the operation, so a request id
 *       (unique per customer) never returns twice; the operation then answers running for the first
 *       {@value #LOOKS_WHILE_RUNNING} look and succeeded after, so callers poll as they would at Azure;
 *   <li>an exchange whose new commitment is below the refund is refused, as Azure's policy says.
 * </ul>
 *
 * It does not keep Reservation Desk's refund budget: its quotes report the refunds of the last 12 months from its own
 * return history against Azure's USD 50,000 limit, for information, and never refuse on them.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedReservationReturns implements ReservationReturns {

  static final int SESSION_MINUTES = 10;
  static final int LOOKS_WHILE_RUNNING = 1;
  static final BigDecimal MAX_REFUND_LIMIT_USD = new BigDecimal("50000");
  private static final String PRICING_CURRENCY = "USD";
  private static final String REFUND = "Refund";
  private static final String EXCHANGE = "Exchange";
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A returned line as quoted: its refund in the billing and the pricing currency. */
  record Returned(String reservationOrderId, String reservationId, long quantity, BigDecimal billingRefund, BigDecimal pricingRefund) {
    ReturnLine line() {
      return new ReturnLine(reservationOrderId, reservationId, quantity);
    }
  }

  /** A reservation bought in an exchange, as quoted: its catalog SKU and price in the billing currency. */
  record Bought(String productId, String skuId, String armSkuName, String region, String term, String billingPlan, long quantity,
      String scopeType, String subscriptionId, String displayName, BigDecimal billingTotal) {
    NewReservation reservation() {
      return new NewReservation(armSkuName, region, Term.of(term), BillingPlan.valueOf(billingPlan), quantity,
          AppliedScopeType.valueOf(scopeType), subscriptionId, displayName);
    }
  }

  /** What a session quoted. */
  record Quoted(String currency, List<Returned> returns, List<Bought> purchases) {
    BigDecimal refundTotal() {
      return returns.stream().map(Returned::billingRefund).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal pricingRefundTotal() {
      return returns.stream().map(Returned::pricingRefund).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal purchaseTotal() {
      return purchases.stream().map(Bought::billingTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A reservation as the tables hold it, with what its refund needs. */
  private record Held(String reservationOrderId, String reservationId, long quantity, String state, LocalDate purchaseDate,
      LocalDate expiryDate, Term term, BillingPlan billingPlan, String productId, String skuId, String armSkuName, String region) {}

  private record Session(String id, String kind, Quoted quoted, Instant expiresAt, String operationId) {}

  private final JdbcClient jdbc;
  private final RetailPriceList catalog;
  private final Currencies currencies;
  private final Clock clock;
  private final PartnerCenterIds ids = new PartnerCenterIds();

  public EmbeddedReservationReturns(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcClient jdbc, RetailPriceList catalog,
      Currencies currencies, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.currencies = currencies;
    this.clock = clock;
  }

  @Override
  @PartnerCenterCall
  public RefundQuote quoteReturn(String customerId, ReturnLine line) {
    Customer customer = requireCustomer(customerId);
    Returned returned = priced(customer, line, false);
    Quoted quoted = new Quoted(customer.currency(), List.of(returned), List.of());
    String sessionId = newSession(customer, REFUND, quoted);
    Instant yearAgo = clock.instant().minus(Duration.ofDays(365));
    BigDecimal consumed = jdbc.sql("""
        select coalesce(sum(pricing_refund), 0) from pc_return_operation
        where customer_id = ? and kind = ? and status <> 'Failed' and created_at > ?""")
        .params(customer.id(), REFUND, yearAgo.atOffset(ZoneOffset.UTC)).query(BigDecimal.class).single();
    return new RefundQuote(sessionId, returned.line(), new Money(returned.billingRefund(), customer.currency()),
        new Money(returned.pricingRefund(), PRICING_CURRENCY), new Money(consumed, PRICING_CURRENCY),
        new Money(MAX_REFUND_LIMIT_USD, PRICING_CURRENCY), List.of());
  }

  @Override
  @PartnerCenterCall
  public ReturnOperation startReturn(String customerId, ReturnLine line, String sessionId, String reason, String requestId) {
    Customer customer = requireCustomer(customerId);
    requireRequestId(requestId);
    Optional<Session> session = lockSession(customer, sessionId);
    Optional<ReturnOperation> earlier = operationOfRequest(customer, requestId);
    if (earlier.isPresent()) {
      return earlier.get(); // the same request again: its first answer, never a second return
    }
    Quoted quoted = usable(session, REFUND).quoted();
    if (line == null || !quoted.returns().get(0).line().equals(line)) {
      throw new ReservationRefusedException(Refusal.QUOTE_SESSION_INVALID, "the session quoted another line");
    }
    giveBack(customer, quoted.returns());
    return start(customer, session.get(), requestId, quoted.pricingRefundTotal(), List.of());
  }

  @Override
  @PartnerCenterCall
  public ExchangeQuote quoteExchange(String customerId, List<ReturnLine> returns, List<NewReservation> purchases) {
    Customer customer = requireCustomer(customerId);
    if (returns == null || returns.isEmpty() || purchases == null || purchases.isEmpty()) {
      throw new IllegalArgumentException("An exchange returns at least one reservation and buys at least one");
    }
    if (new HashSet<>(returns.stream().map(r -> r.reservationOrderId() + "/" + r.reservationId()).toList()).size() != returns.size()) {
      throw new IllegalArgumentException("An exchange names each returned reservation once");
    }
    List<Returned> returned = new ArrayList<>();
    for (ReturnLine line : returns) {
      returned.add(priced(customer, line, false));
    }
    List<Bought> bought = new ArrayList<>();
    for (NewReservation reservation : purchases) {
      bought.add(priced(customer, reservation));
    }
    Quoted quoted = new Quoted(customer.currency(), returned, bought);
    Money refunds = new Money(quoted.refundTotal(), customer.currency());
    Money purchased = new Money(quoted.purchaseTotal(), customer.currency());
    if (purchased.amount().compareTo(refunds.amount()) < 0) {
      throw new ReservationRefusedException(Refusal.EXCHANGE_BELOW_RETURNED_VALUE, "new commitment " + purchased + ", refund " + refunds);
    }
    String sessionId = newSession(customer, EXCHANGE, quoted);
    return new ExchangeQuote(sessionId, refunds, purchased, new Money(purchased.amount().subtract(refunds.amount()), customer.currency()),
        returned.stream().map(Returned::line).toList(), bought.stream().map(Bought::reservation).toList(), List.of());
  }

  @Override
  @PartnerCenterCall
  public ReturnOperation startExchange(String customerId, String sessionId, String requestId) {
    Customer customer = requireCustomer(customerId);
    requireRequestId(requestId);
    Optional<Session> session = lockSession(customer, sessionId);
    Optional<ReturnOperation> earlier = operationOfRequest(customer, requestId);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Quoted quoted = usable(session, EXCHANGE).quoted();
    giveBack(customer, quoted.returns());
    Instant now = clock.instant();
    String partnerCenterOrderId = ids.orderId();
    List<String> orders = new ArrayList<>();
    int lineNumber = 0;
    for (Bought bought : quoted.purchases()) {
      // Re-checked as the checkout re-checks a cart: a subscription can be suspended while the quote waits.
      if (!EmbeddedReservationInventory.isActiveAzureSubscriptionOf(jdbc, customer.id(), bought.subscriptionId())) {
        throw new ReservationRefusedException(Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION, bought.subscriptionId());
      }
      UUID reservationId = UUID.randomUUID();
      String orderId = UUID.randomUUID().toString();
      EmbeddedReservationOrders.insert(jdbc, new EmbeddedReservationOrders.Row(orderId, reservationId.toString(), customer.id(),
          partnerCenterOrderId, lineNumber++, bought.productId(), bought.skuId(), bought.armSkuName(), bought.region(), bought.quantity(),
          Term.of(bought.term()), BillingPlan.valueOf(bought.billingPlan()), now, AppliedScopeType.SINGLE.name().equals(bought.scopeType()),
          bought.subscriptionId(), false, OwnedReservation.SUCCEEDED, reservationId.getMostSignificantBits(), bought.displayName()));
      orders.add(orderId);
    }
    return start(customer, session.get(), requestId, BigDecimal.ZERO, orders);
  }

  @Override
  @PartnerCenterCall
  public ReturnOperation operation(String customerId, String operationId) {
    Customer customer = requireCustomer(customerId);
    Stored stored = jdbc.sql("select * from pc_return_operation where id = ? and customer_id = ? for update")
        .params(operationId == null ? "" : operationId.trim().toLowerCase(Locale.ROOT), customer.id())
        .query((rs, row) -> new Stored(rs.getString("id"), rs.getString("status"), rs.getInt("polls"),
            rs.getString("new_reservation_order_ids")))
        .optional().orElseThrow(() -> new ReservationRefusedException(Refusal.OPERATION_NOT_FOUND, operationId));
    if ("Running".equals(stored.status())) {
      int polls = stored.polls() + 1;
      String status = polls > LOOKS_WHILE_RUNNING ? "Succeeded" : "Running";
      jdbc.sql("update pc_return_operation set polls = ?, status = ? where id = ?").params(polls, status, stored.id()).update();
      stored = new Stored(stored.id(), status, polls, stored.newOrders());
    }
    return stored.view();
  }

  // --- pricing ---

  /** A line to return, checked against the reservation as it now is, with its refund. */
  private Returned priced(Customer customer, ReturnLine line, boolean lock) {
    Held held = held(customer, line, lock);
    ReservationSku sku = skuOf(held);
    BigDecimal total = sku.listPrice().multiply(BigDecimal.valueOf(line.quantity()));
    LocalDate today = today();
    long termDays = ChronoUnit.DAYS.between(held.purchaseDate(), held.expiryDate());
    long usedDays = Math.max(0, Math.min(termDays, ChronoUnit.DAYS.between(held.purchaseDate(), today)));
    BigDecimal used = total.multiply(BigDecimal.valueOf(usedDays)).divide(BigDecimal.valueOf(termDays), MathContext.DECIMAL64);
    BigDecimal refund;
    if (held.billingPlan() == BillingPlan.MONTHLY) {
      // The first instalment is paid on the purchase day, one more each month since: the refund is what was paid and not
      // yet used; the instalments to come are cancelled, not refunded.
      long months = held.term().months();
      long paidMonths = Math.min(months, ChronoUnit.MONTHS.between(held.purchaseDate(), today) + 1);
      BigDecimal paid = total.multiply(BigDecimal.valueOf(paidMonths)).divide(BigDecimal.valueOf(months), MathContext.DECIMAL64);
      refund = paid.subtract(used).max(BigDecimal.ZERO);
    } else {
      refund = total.subtract(used);
    }
    Money pricing = currencies.convert(refund, sku.currency(), PRICING_CURRENCY);
    Money billing = currencies.convert(refund, sku.currency(), customer.currency());
    return new Returned(held.reservationOrderId(), held.reservationId(), line.quantity(), billing.amount(), pricing.amount());
  }

  /** A reservation to buy: the catalog's VM reservation of its size, region and term, for one of the customer's subscriptions. */
  private Bought priced(Customer customer, NewReservation reservation) {
    ReservationSku sku = catalog.skus().stream()
        .filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES && s.vmSize().armSkuName().equalsIgnoreCase(reservation.armSkuName())
            && s.armRegionName().equals(reservation.region()) && s.termDuration().equals(reservation.term().iso()))
        .findFirst().orElseThrow(() -> new ReservationRefusedException(Refusal.PURCHASE_NOT_AVAILABLE,
            reservation.armSkuName() + " in " + reservation.region() + " for " + reservation.term().label()));
    if (!sku.billingPlans().contains(reservation.billingPlan())) {
      throw new ReservationRefusedException(Refusal.PURCHASE_NOT_AVAILABLE, "not billed " + reservation.billingPlan().formValue());
    }
    if (!EmbeddedReservationInventory.isActiveAzureSubscriptionOf(jdbc, customer.id(), reservation.subscriptionId())) {
      throw new ReservationRefusedException(Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION, reservation.subscriptionId());
    }
    Money total = currencies.convert(sku.listPrice().multiply(BigDecimal.valueOf(reservation.quantity())), sku.currency(),
        customer.currency());
    return new Bought(sku.productId(), sku.skuId(), sku.vmSize().armSkuName(), sku.armRegionName(), reservation.term().iso(),
        reservation.billingPlan().name(), reservation.quantity(), reservation.scopeType().name(), reservation.subscriptionId(),
        reservation.displayName(), total.amount());
  }

  /** The reservation's SKU in the price file; a reservation of a SKU no longer listed is priced by its size, region and term. */
  private ReservationSku skuOf(Held held) {
    return catalog.find(held.productId(), held.skuId()).or(() -> catalog.skus().stream()
            .filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES && s.vmSize().armSkuName().equals(held.armSkuName())
                && s.armRegionName().equals(held.region()) && s.termDuration().equals(held.term().iso()))
            .findFirst())
        .orElseThrow(() -> new ReservationsUnavailableException("The embedded Azure has no price for reservation " + held.reservationId()
            + " (" + held.armSkuName() + " in " + held.region() + "): the price file no longer lists it", null));
  }

  // --- the reservations ---

  /** The customer's reservation, returnable in the quantity asked. */
  private Held held(Customer customer, ReturnLine line, boolean lock) {
    Held held = jdbc.sql("""
        select r.id, r.reservation_order_id, r.quantity, r.provisioning_state, r.arm_sku_name, r.arm_region_name,
               o.purchase_date, o.expiry_date, o.term_duration, o.billing_plan, o.product_id, o.sku_id
        from pc_reservation r join pc_reservation_order o on o.id = r.reservation_order_id
        where r.id = ? and r.reservation_order_id = ? and r.customer_id = ?""" + (lock ? " for update" : ""))
        .params(line.reservationId(), line.reservationOrderId(), customer.id())
        .query((rs, row) -> new Held(rs.getString("reservation_order_id"), rs.getString("id"), rs.getLong("quantity"),
            rs.getString("provisioning_state"), rs.getObject("purchase_date", LocalDate.class), rs.getObject("expiry_date", LocalDate.class),
            Term.of(rs.getString("term_duration")), "Monthly".equals(rs.getString("billing_plan")) ? BillingPlan.MONTHLY : BillingPlan.UPFRONT,
            rs.getString("product_id"), rs.getString("sku_id"), rs.getString("arm_sku_name"), rs.getString("arm_region_name")))
        .optional()
        .orElseThrow(() -> new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, line.reservationOrderId() + "/" + line.reservationId()));
    if (!today().isBefore(held.expiryDate())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_RETURNABLE, "expired on " + held.expiryDate());
    }
    if (!OwnedReservation.SUCCEEDED.equals(held.state())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_RETURNABLE, "provisioning state " + held.state());
    }
    if (line.quantity() < 1 || line.quantity() > held.quantity()) {
      throw new ReservationRefusedException(Refusal.QUANTITY_NOT_OWNED, line.quantity() + " asked, " + held.quantity() + " held");
    }
    return held;
  }

  /** Lowers each reservation by what is returned; all of it leaves the reservation {@code Cancelled}. Checked again, locked. */
  private void giveBack(Customer customer, List<Returned> returns) {
    for (Returned returned : returns) {
      Held held = held(customer, returned.line(), true);
      if (returned.quantity() == held.quantity()) {
        jdbc.sql("update pc_reservation set provisioning_state = 'Cancelled' where id = ?").param(held.reservationId()).update();
      } else {
        jdbc.sql("update pc_reservation set quantity = quantity - ? where id = ?").params(returned.quantity(), held.reservationId()).update();
      }
    }
  }

  // --- sessions and operations ---

  private String newSession(Customer customer, String kind, Quoted quoted) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    jdbc.sql("insert into pc_return_session (id, customer_id, kind, content, expires_at, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, customer.id(), kind, write(quoted), utc(now.plus(Duration.ofMinutes(SESSION_MINUTES))), utc(now)).update();
    return id;
  }

  /** The customer's session, locked: two requests with it wait for each other, so the second sees what the first did. */
  private Optional<Session> lockSession(Customer customer, String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("select * from pc_return_session where id = ? and customer_id = ? for update")
        .params(sessionId.trim().toLowerCase(Locale.ROOT), customer.id())
        .query((rs, row) -> new Session(rs.getString("id"), rs.getString("kind"), read(rs.getString("content")),
            rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("operation_id")))
        .optional();
  }

  private Session usable(Optional<Session> session, String kind) {
    if (session.isEmpty() || !session.get().kind().equals(kind)) {
      throw new ReservationRefusedException(Refusal.QUOTE_SESSION_INVALID, "no such " + kind.toLowerCase(Locale.ROOT) + " quote");
    }
    if (session.get().operationId() != null) {
      throw new ReservationRefusedException(Refusal.QUOTE_SESSION_INVALID, "already used by operation " + session.get().operationId());
    }
    if (!clock.instant().isBefore(session.get().expiresAt())) {
      throw new ReservationRefusedException(Refusal.QUOTE_SESSION_INVALID, "expired at " + session.get().expiresAt());
    }
    return session.get();
  }

  private ReturnOperation start(Customer customer, Session session, String requestId, BigDecimal pricingRefund, List<String> newOrders) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into pc_return_operation (id, customer_id, kind, session_id, request_id, status, polls, pricing_refund,
                                         new_reservation_order_ids, created_at)
        values (?, ?, ?, ?, ?, 'Running', 0, ?, ?, ?)""")
        .params(id, customer.id(), session.kind(), session.id(), requestId, pricingRefund, String.join(",", newOrders), utc(clock.instant()))
        .update();
    jdbc.sql("update pc_return_session set operation_id = ? where id = ?").params(id, session.id()).update();
    return new Stored(id, "Running", 0, String.join(",", newOrders)).view();
  }

  private Optional<ReturnOperation> operationOfRequest(Customer customer, String requestId) {
    return jdbc.sql("select * from pc_return_operation where customer_id = ? and request_id = ?").params(customer.id(), requestId)
        .query((rs, row) -> new Stored(rs.getString("id"), rs.getString("status"), rs.getInt("polls"),
            rs.getString("new_reservation_order_ids")).view())
        .optional();
  }

  private record Stored(String id, String status, int polls, String newOrders) {
    ReturnOperation view() {
      ReturnOperation.Status state = switch (status) {
        case "Succeeded" -> ReturnOperation.Status.SUCCEEDED;
        case "Failed" -> ReturnOperation.Status.FAILED;
        default -> ReturnOperation.Status.RUNNING;
      };
      List<String> orders = state != ReturnOperation.Status.SUCCEEDED || newOrders == null || newOrders.isBlank() ? List.of()
          : Arrays.asList(newOrders.split(","));
      return new ReturnOperation(id, state, null, orders);
    }
  }

  // --- helpers ---

  private record Customer(String id, String currency) {}

  private Customer requireCustomer(String customerId) {
    String id = customerId == null ? "" : customerId.trim().toLowerCase(Locale.ROOT);
    return jdbc.sql("select id, country from pc_customer where id = ?").param(id)
        .query((rs, row) -> new Customer(rs.getString("id"), currencies.currencyOf(rs.getString("country")))).optional()
        .orElseThrow(() -> new ReservationRefusedException(Refusal.UNKNOWN_CUSTOMER, customerId));
  }

  private static void requireRequestId(String requestId) {
    if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
      throw new IllegalArgumentException("A return or exchange needs the caller's request id (1 to 100 characters), saved before the call");
    }
  }

  private LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String write(Quoted quoted) {
    try {
      return JSON.writeValueAsString(quoted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Quoted read(String content) {
    try {
      return JSON.readValue(content, Quoted.class);
    } catch (JsonProcessingException e) {
      throw new ReservationsUnavailableException("The embedded Azure cannot read its own quote", e);
    }
  }
}
