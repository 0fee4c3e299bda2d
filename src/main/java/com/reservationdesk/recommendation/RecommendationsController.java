package com.reservationdesk.recommendation;

import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.security.Roles;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A purchase's recommendations, one click from its task: each with its picture, the numbers and the usage behind it,
 * and what was looked at and not recommended. Only for the agent who started the purchase, and for operators.
 */
@Controller
public class RecommendationsController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final PurchaseService purchases;
  private final RecommendationService recommendations;

  public RecommendationsController(PurchaseService purchases, RecommendationService recommendations) {
    this.purchases = purchases;
    this.recommendations = recommendations;
  }

  @GetMapping("/purchases/{purchaseId}/recommendations")
  public String page(@PathVariable String purchaseId, Authentication user, Model model) {
    Purchase purchase = visible(purchaseId, user);
    Recommendations kept = recommendations.ofPurchase(purchaseId).orElseThrow(() -> notFound());
    model.addAttribute("purchase", purchase);
    model.addAttribute("recommendations", kept);
    model.addAttribute("from", DAY.format(kept.from()));
    model.addAttribute("to", DAY.format(kept.to().minusSeconds(1)));
    model.addAttribute("charts", kept.recommendations().stream().map(UsageChart::svg).toList());
    return "recommendations";
  }

  @GetMapping(value = "/purchases/{purchaseId}/recommendations/{id}.svg", produces = "image/svg+xml")
  public ResponseEntity<String> chart(@PathVariable String purchaseId, @PathVariable String id, Authentication user) {
    visible(purchaseId, user);
    Recommendation recommendation = recommendations.ofPurchase(purchaseId).flatMap(r -> r.recommendations().stream()
        .filter(each -> each.id().equals(id)).findFirst()).orElseThrow(() -> notFound());
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(UsageChart.svg(recommendation));
  }

  /** The purchase, when this user may see it; otherwise the same 404 as for a purchase that does not exist. */
  private Purchase visible(String purchaseId, Authentication user) {
    Purchase purchase = purchases.find(purchaseId).orElseThrow(RecommendationsController::notFound);
    boolean staff = Roles.runsTheEngine(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    if (!staff && !user.getName().equals(purchase.createdBy())) {
      throw notFound();
    }
    return purchase;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such purchase with recommendations");
  }
}
