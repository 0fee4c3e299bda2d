package com.reservationdesk.recommendation;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.policy.RecommendationPolicy;
import com.reservationdesk.pricing.ComputePricesUnavailableException;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UnknownCustomerException;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.UsageUnavailableException;
import com.reservationdesk.usage.VmUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Recommendations inside a purchase: computed from the purchase's customer's usage once its subscription is chosen,
 * kept with the purchase, and put into its cart from that record when the agent ticks them. A recommendation is
 * help, not a step the purchase needs: when the usage source is unavailable, the purchase goes on without one and
 * says why (the warning in the log names the call); anything else is a fault, retried and then an incident.
 */
@Service
public class RecommendationService {

  private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

  private final PurchaseService purchases;
  private final UsageSource usage;
  private final Recommender recommender;
  private final RecommendationPolicy policy;
  private final RecommendationRepository repository;
  private final Clock clock;

  public RecommendationService(PurchaseService purchases, UsageSource usage, Recommender recommender, RecommendationPolicy policy,
      RecommendationRepository repository, Clock clock) {
    this.purchases = purchases;
    this.usage = usage;
    this.recommender = recommender;
    this.policy = policy;
    this.repository = repository;
    this.clock = clock;
  }

  /** Recommends for the purchase's customer from its usage over the look-back the rules set, and keeps the result. */
  public Recommendations recommend(String processInstanceId) {
    Purchase purchase = purchases.ofProcess(processInstanceId);
    if (!purchase.hasCustomer() || purchase.subscriptionId() == null) {
      throw new IllegalStateException("Purchase " + purchase.id() + " has no subscription yet");
    }
    int days = policy.lookBackDays(purchase.customerCountry());
    LookBack lookBack = LookBack.ofDays(days);
    Instant now = clock.instant();
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    List<VmUsage> vmUsage;
    try {
      vmUsage = usage.vmUsage(purchase.customerId(), lookBack);
    } catch (UsageUnavailableException | UnknownCustomerException e) {
      log.warn("Usage of customer {} could not be read for purchase {}: {}", purchase.customerId(), purchase.id(), e.toString());
      Recommendations none = new Recommendations(days, to.minus(lookBack.hours(), ChronoUnit.HOURS), to, null,
          "The customer's usage could not be read just now, so there is no recommendation. Search the catalog instead.", List.of(),
          List.of(), "Usage could not be read: " + e.getMessage());
      repository.save(purchase.id(), none, now);
      return none;
    }
    List<AzureRecommendation> azure = List.of();
    String azureProblem = null;
    try {
      azure = usage.azureRecommendations(purchase.customerId(), lookBack);
    } catch (UsageUnavailableException e) {
      log.warn("Azure's recommendations for customer {} could not be read: {}", purchase.customerId(), e.toString());
      azureProblem = "Azure's own recommendations could not be read just now; these are Reservation Desk's only.";
    }
    Recommendations result;
    try {
      result = recommender.recommend(new Recommender.Customer(purchase.customerId(), purchase.customerCountry(),
          purchase.subscriptionId()), days, to, vmUsage, azure);
    } catch (ComputePricesUnavailableException e) {
      log.warn("Compute prices could not be read for purchase {}: {}", purchase.id(), e.toString());
      Recommendations none = new Recommendations(days, to.minus(lookBack.hours(), ChronoUnit.HOURS), to, null,
          "Pay-as-you-go prices could not be read just now, so there is no recommendation. Search the catalog instead.", List.of(),
          List.of(), "Compute prices could not be read: " + e.getMessage());
      repository.save(purchase.id(), none, now);
      return none;
    }
    if (azureProblem != null) {
      List<String> notes = new ArrayList<>(result.notes());
      notes.add(azureProblem);
      result = new Recommendations(result.lookBackDays(), result.from(), result.to(), result.currency(), result.summary(),
          result.recommendations(), List.copyOf(notes), null);
    }
    repository.save(purchase.id(), result, now);
    return result;
  }

  /** The recommendations kept for a purchase, by its id. */
  public Optional<Recommendations> ofPurchase(String purchaseId) {
    return repository.find(purchaseId);
  }

  public Optional<Recommendations> ofProcess(String processInstanceId) {
    return repository.find(purchases.ofProcess(processInstanceId).id());
  }

  /**
   * Puts what the agent ticked into the cart, each as any line is added (the SKU's quantity range, the subscription's
   * restrictions, the order rules' limits), all or none. What is bought comes from the kept recommendation: the form
   * sends only which ones.
   */
  public CartView addToCart(String processInstanceId, List<String> ticked, BillingPlan plan) {
    Purchase purchase = purchases.ofProcess(processInstanceId);
    Recommendations kept = repository.find(purchase.id())
        .orElseThrow(() -> new InvalidInputException("This purchase has no recommendations. Search the catalog instead."));
    Set<String> ids = new LinkedHashSet<>(ticked);
    if (ids.isEmpty()) {
      throw new InvalidInputException("Tick at least one recommendation to add, or choose to search the catalog instead.");
    }
    Map<String, Recommendation> byId = kept.recommendations().stream().collect(Collectors.toMap(Recommendation::id, Function.identity()));
    List<Recommendation> chosen = new ArrayList<>();
    for (String id : ids) {
      Recommendation recommendation = byId.get(id);
      if (recommendation == null) {
        throw new InvalidInputException("\u201c" + id + "\u201d is not one of this purchase's recommendations. Tick them from the list.");
      }
      if (recommendation.isRestricted()) {
        throw new InvalidInputException(recommendation.title() + " cannot be bought for this subscription: "
            + recommendation.restriction());
      }
      chosen.add(recommendation);
    }
    requireOneTermPerGroup(chosen);
    List<Recommendation> plans = chosen.stream().filter(Recommendation::isSavingsPlan).toList();
    if (plans.size() > 1) {
      throw new InvalidInputException("Tick one savings plan: 1 year or 3 years. Both would commit to the same usage.");
    }
    if (!plans.isEmpty() && plans.size() < chosen.size()) {
      throw new InvalidInputException("Tick reservations or the savings plan, not both: the savings plan's commitment was computed "
          + "for all the usage, and reservations would leave part of it unused.");
    }
    CartView cart = null;
    for (Recommendation recommendation : chosen) {
      cart = recommendation.isSavingsPlan()
          ? purchases.addSavingsPlan(processInstanceId, recommendation.term(), recommendation.hourlyCommitment(), plan)
          : purchases.addLine(processInstanceId, recommendation.reference(), plan, BigDecimal.valueOf(recommendation.quantity()));
    }
    return cart;
  }

  /** Two terms for the same usage would buy it twice. */
  private static void requireOneTermPerGroup(List<Recommendation> chosen) {
    Set<String> groups = new LinkedHashSet<>();
    for (Recommendation r : chosen) {
      if (!r.isSavingsPlan() && !groups.add(r.armRegionName() + '|' + r.flexibilityGroup())) {
        throw new InvalidInputException("Tick one term for " + r.flexibilityGroup() + " in " + r.regionDisplayName()
            + ": both cover the same usage, so buying both would leave one unused.");
      }
    }
  }
}
