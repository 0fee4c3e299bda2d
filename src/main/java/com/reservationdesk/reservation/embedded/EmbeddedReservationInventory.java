package com.reservationdesk.reservation.embedded;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenterDatabase;
import com.reservationdesk.partnercenter.embedded.PartnerCenterCall;
import com.reservationdesk.partnercenter.embedded.UsageProfile;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationPage;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.ReservationUtilization;
import com.reservationdesk.reservation.ScopeChange;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reservations of the embedded Partner Center's customers, from its tables ({@code pc_reservation_order},
 * {@code pc_reservation}), on its pool and in its transactions ({@link PartnerCenterCall}) like every call to it. The
 * embedded checkout creates them, the demo seeds a few ({@link DemoReservationSeeder}).
 *
 * <p>The partner-wide listing pages by reservation id on the primary key ({@code where id > ? order by id limit n}): a
 * page costs the same at the first reservation and at the 100,000th, and only the page is in memory. Utilization is
 * computed, not stored ({@link DemoUtilization}).
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedReservationInventory implements ReservationInventory {

  private static final String SELECT = """
      select r.*, o.pc_order_id, o.term_duration, o.billing_plan, o.purchase_date, o.expiry_date
      from pc_reservation r join pc_reservation_order o on o.id = r.reservation_order_id
      """;
  private static final String CONTINUATION_PREFIX = "embedded:";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DemoUtilization utilization;

  public EmbeddedReservationInventory(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcClient jdbc, RetailPriceList catalog,
      Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.utilization = new DemoUtilization(catalog, clock);
  }

  @Override
  @PartnerCenterCall
  public List<OwnedReservation> reservationsOf(String customerId) {
    String customer = requireCustomer(customerId);
    return jdbc.sql(SELECT + " where r.customer_id = ? order by o.purchase_date, r.reservation_order_id, r.id").param(customer)
        .query(this::reservation).list();
  }

  @Override
  @PartnerCenterCall
  public ReservationPage allReservations(int pageSize, String continuation) {
    int size = ReservationPage.checkedPageSize(pageSize);
    String after = after(continuation);
    // One row more than the page: whether another page follows, without a count over the table.
    List<OwnedReservation> rows = jdbc.sql(SELECT + " where r.id > ? order by r.id limit ?").params(after, size + 1)
        .query(this::reservation).list();
    if (rows.size() <= size) {
      return new ReservationPage(rows, null);
    }
    List<OwnedReservation> page = rows.subList(0, size);
    return new ReservationPage(page, continuation(page.get(size - 1).reservationId()));
  }

  @Override
  @PartnerCenterCall
  public ReservationUtilization utilization(String customerId, String reservationOrderId, String reservationId, LocalDate from,
      LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("A utilization range runs from a day to the same or a later day");
    }
    String customer = requireCustomer(customerId);
    Stored stored = find(customer, reservationOrderId, reservationId, false)
        .orElseThrow(() -> new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, reservationOrderId + "/" + reservationId));
    List<UsageProfile> profiles = UsageProfile.ofCustomer(jdbc, customer);
    return new ReservationUtilization(stored.reservation().reservationOrderId(), stored.reservation().reservationId(), from, to,
        utilization.days(stored.reservation(), stored.seed(), profiles, from, to));
  }

  @Override
  @PartnerCenterCall
  public OwnedReservation changeScope(String customerId, String reservationOrderId, String reservationId, ScopeChange change) {
    String customer = requireCustomer(customerId);
    OwnedReservation reservation = find(customer, reservationOrderId, reservationId, true)
        .orElseThrow(() -> new ReservationRefusedException(Refusal.RESERVATION_NOT_FOUND, reservationOrderId + "/" + reservationId))
        .reservation();
    if (OwnedReservation.EXPIRED.equals(reservation.provisioningState())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_EXPIRED, "expired on " + reservation.expiryDate());
    }
    if (!OwnedReservation.SUCCEEDED.equals(reservation.provisioningState())) {
      throw new ReservationRefusedException(Refusal.RESERVATION_NOT_SUCCEEDED, "provisioning state " + reservation.provisioningState());
    }
    if (change.type() == AppliedScopeType.SINGLE && !isActiveAzureSubscriptionOf(jdbc, customer, change.subscriptionId())) {
      throw new ReservationRefusedException(Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION, change.subscriptionId());
    }
    if (change.isAlreadyOn(reservation)) {
      return reservation; // the same request again: nothing to change, the same answer
    }
    jdbc.sql("update pc_reservation set applied_scope_type = ?, applied_scope = ? where id = ?")
        .params(change.type().azureName(), change.subscriptionId(), reservation.reservationId()).update();
    return find(customer, reservationOrderId, reservationId, false).orElseThrow().reservation();
  }

  /** An active Azure subscription under an active Azure plan of the customer, or its active legacy CSP Azure offer. */
  static boolean isActiveAzureSubscriptionOf(JdbcClient jdbc, String customerId, String subscriptionId) {
    return jdbc.sql("""
        select count(*) from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id
        where lower(e.subscription_id) = ? and p.customer_id = ? and p.status = 'active' and e.status = 'active'""")
        .params(subscriptionId, customerId).query(Integer.class).single() > 0
        || jdbc.sql("select count(*) from pc_subscription where id = ? and customer_id = ? and offer_id = ? and status = 'active'")
        .params(subscriptionId, customerId, Subscription.LEGACY_AZURE_OFFER_ID)
        .query(Integer.class).single() > 0;
  }

  private Optional<Stored> find(String customerId, String reservationOrderId, String reservationId, boolean lock) {
    if (reservationOrderId == null || reservationId == null) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where r.id = ? and r.reservation_order_id = ? and r.customer_id = ?" + (lock ? " for update" : ""))
        .params(reservationId.toLowerCase(Locale.ROOT), reservationOrderId.toLowerCase(Locale.ROOT), customerId)
        .query((rs, row) -> new Stored(reservation(rs, row), rs.getLong("seed"))).optional();
  }

  private String requireCustomer(String customerId) {
    String id = customerId == null ? "" : customerId.trim().toLowerCase(Locale.ROOT);
    if (jdbc.sql("select count(*) from pc_customer where id = ?").param(id).query(Integer.class).single() == 0) {
      throw new ReservationRefusedException(Refusal.UNKNOWN_CUSTOMER, customerId);
    }
    return id;
  }

  /** A row as Azure would answer it today: a reservation in effect past its expiry date is {@code Expired}. */
  private OwnedReservation reservation(ResultSet rs, int row) throws SQLException {
    LocalDate expiry = rs.getObject("expiry_date", LocalDate.class);
    String state = rs.getString("provisioning_state");
    if (OwnedReservation.SUCCEEDED.equals(state) && !today().isBefore(expiry)) {
      state = OwnedReservation.EXPIRED;
    }
    String scope = rs.getString("applied_scope");
    return new OwnedReservation(rs.getString("customer_id"), rs.getString("reservation_order_id"), rs.getString("id"),
        rs.getString("display_name"), rs.getString("arm_sku_name"), rs.getString("arm_region_name"), rs.getLong("quantity"),
        AppliedScopeType.fromAzure(rs.getString("applied_scope_type")).orElseThrow(), scope == null ? List.of() : List.of(scope),
        Term.of(rs.getString("term_duration")), "Monthly".equals(rs.getString("billing_plan")) ? BillingPlan.MONTHLY : BillingPlan.UPFRONT,
        rs.getObject("purchase_date", LocalDate.class), expiry, rs.getBoolean("renew"), state, rs.getString("pc_order_id"));
  }

  private LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String continuation(String lastReservationId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((CONTINUATION_PREFIX + lastReservationId).getBytes(StandardCharsets.UTF_8));
  }

  /** The last reservation id of the previous page; "" before the first. */
  private static String after(String continuation) {
    if (continuation == null) {
      return "";
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8);
      if (decoded.startsWith(CONTINUATION_PREFIX)) {
        return decoded.substring(CONTINUATION_PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // not ours: refused below
    }
    throw new IllegalArgumentException("Not a continuation of this listing: pass null for the first page, then the previous page's");
  }

  private record Stored(OwnedReservation reservation, long seed) {}
}
