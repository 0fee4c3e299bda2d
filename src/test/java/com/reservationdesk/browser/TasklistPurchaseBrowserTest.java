package com.reservationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A first-day agent's purchase, through Tasklist's forms only, in Debian's headless Chromium: a customer
 * without a subscription gets one, two cart lines, a quantity changed at review, an approver approves,
 * the order exists. Every form is saved as a screenshot under
 * {@code target/browser-screenshots/TasklistPurchaseBrowserTest-<test>/}.
 */
@AppTest
class TasklistPurchaseBrowserTest extends TasklistBrowser {

  @Autowired PartnerCenter partnerCenter;
  @Autowired OrderService orders;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aNewAgentBuysThroughTheFormsAndAnApproverApproves() throws Exception {
    // A demo customer without any subscription, other than the ones the other tests use.
    Customer customer = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 1000).stream()
        .filter(c -> !c.companyName().equals("Fabrikam Inc") && partnerCenter.getSubscriptions(c.id()).isEmpty())
        .findFirst().orElseThrow();

    login("alice");
    click(By.linkText("Start process"));
    click(By.xpath("//a[contains(., 'Buy Azure reservations')]"));
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form input[type='text']")));
    screenshot("start-form");
    search.sendKeys(customer.companyName());
    click(By.xpath("//button[normalize-space()='Start']"));
    runJobs();

    openTask("Confirm adding an Azure subscription");
    radio("Add an Azure subscription for this customer");
    complete();
    runJobs();

    openTask("Choose the subscription");
    select("Azure subscription", "Azure subscription 1");
    radio("Continue with this subscription");
    complete();
    runJobs();

    openTask("Filter reserved instances");
    select("Region", "EU West (westeurope)");
    text("VM size or family", "D4s_v5");
    select("Term", "3 years");
    complete();
    runJobs();

    openTask("Choose reservation and quantity");
    radio("Add to the cart, then find another reservation");
    select("Reservation", "Standard_D4s_v5");
    text("Quantity", "20");
    complete();

    openTask("Filter reserved instances");
    text("VM size or family", "E16s_v5");
    select("Term", "1 year");
    radio("Monthly: the same total");
    complete();
    runJobs();

    openTask("Choose reservation and quantity");
    radio("Add to the cart, then review the order");
    select("Reservation", "Standard_E16s_v5");
    text("Quantity", "2");
    complete();

    openTask("Review the order");
    radio("Change the quantity of a line");
    select("Cart line", "Line 1");
    text("New quantity", "30");
    complete();

    openTask("Review the order");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("30 instances");
    radio("Buy now");
    radio("Shared");
    select("Reseller (partner of record)", "Tailspin Cloud Services");
    complete();
    logout();

    // 30 × D4s_v5 for 3 years and 2 × E16s_v5 for a year: above USD 50,000, an approver decides.
    login("carol");
    openTask("Approve order");
    click(By.cssSelector("button.claim"));
    radio("Approve: the order is placed now");
    complete();
    logout();
    runJobs();

    login("alice");
    openTask("Note the order number");
    String confirmation = browser.findElement(By.cssSelector(".fjs-form")).getText();
    String history;
    assertThat(confirmation).contains("Order placed").contains(customer.companyName());

    // Done → order history, with the Tasklist login of this browser.
    click(By.linkText("the order history of " + customer.companyName()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.order")));
    screenshot("order-history");
    history = browser.findElement(By.tagName("body")).getText();
    assertThat(history).contains("Order history of " + customer.companyName()).contains("30 × Standard_D4s_v5")
        .contains("Tailspin Cloud Services");

    openTask("Note the order number");
    complete();

    List<PlacedOrder> placed = orders.ordersOfCustomer(customer.id(), 10);
    assertThat(placed).hasSize(2).allSatisfy(o -> {
      assertThat(confirmation).contains(o.orderId());
      assertThat(history).contains(o.orderId());
      assertThat(o.resellerName()).isEqualTo("Tailspin Cloud Services");
      assertThat(o.placedBy()).isEqualTo("alice");
    });
    assertThat(placed.stream().flatMap(o -> o.lines().stream()).map(l -> l.armSkuName() + " x" + l.quantity()))
        .containsExactlyInAnyOrder("Standard_D4s_v5 x30", "Standard_E16s_v5 x2");
  }

  /**
   * Recommendations through Tasklist: the agent sees Contoso's usage against the recommended level in the form, ticks the
   * recommended 3-year reservation, opens the recommendations page, and buys it; then buys the savings plan recommended
   * to Fourth Coffee Logistics, whose fleet moves between sizes and regions.
   */
  @Test
  void anAgentBuysRecommendedReservations_andARecommendedSavingsPlanForAnotherCustomer() throws Exception {
    login("alice");
    startPurchaseFor("Contoso Ltd");
    openTask("Choose the subscription");
    select("Azure subscription", "Contoso Production");
    radio("Continue with this subscription");
    complete();
    runJobs();

    openTask("Choose recommended purchases");
    String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
    assertThat(form).contains("Recommended for Contoso Ltd").contains("Cannot be bought: ");
    WebElement picture = browser.findElement(By.cssSelector(".fjs-form img"));
    scrollTo(picture);
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", picture))
        .as("the picture of the usage is drawn").isGreaterThan(100L);
    screenshot("recommendation picture");
    String reservation = tick("3 years", "R");
    radio("Add the ticked ones to the cart, then review the order");
    radio("Upfront (the whole term now)");
    complete();

    openTask("Review the order");
    // "R3: 10 × Standard_D4s_v5 · EU West · 3 years — saves …" is the review's "Standard_D4s_v5 · EU West · 3 years, upfront".
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains(reservation.substring(
        reservation.indexOf("\u00d7 ") + 2, reservation.indexOf(" \u2014 ")) + ", upfront");
    radio("Buy now");
    radio("Shared");
    select("Reseller (partner of record)", "Tailspin Cloud Services");
    complete();
    runJobs();
    approveIfAsked();

    String purchaseId = (String) historyOfPurchase("Contoso Ltd");
    browser.get("http://localhost:" + port + "/purchases/" + purchaseId + "/recommendations");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("svg")));
    screenshot("recommendations page");
    assertThat(browser.findElements(By.cssSelector(".recommendation svg"))).isNotEmpty();

    openTask("Note the order number");
    complete();
    PlacedOrder contosoOrder = orders.newestOrders(20).stream().filter(o -> o.purchaseId().equals(purchaseId)).findFirst().orElseThrow();
    assertThat(contosoOrder.lines()).singleElement().satisfies(line -> assertThat(reservation)
        .contains(line.quantity() + " \u00d7 " + line.armSkuName()));

    startPurchaseFor("Fourth Coffee Logistics");
    openTask("Choose the subscription");
    select("Azure subscription", "Fourth Coffee Logistics Production");
    radio("Continue with this subscription");
    complete();
    runJobs();
    openTask("Choose recommended purchases");
    String plan = tick("Savings plan for compute, 3 years", "S3Y");
    radio("Add the ticked ones to the cart, then review the order");
    radio("Monthly (same total, spread over the term)");
    complete();
    openTask("Review the order");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Savings plan for compute");
    radio("Buy now");
    radio("Shared");
    select("Reseller (partner of record)", "Tailspin Cloud Services");
    complete();
    runJobs();
    approveIfAsked();
    openTask("Note the order number");
    complete();
    String coffeePurchase = (String) historyOfPurchase("Fourth Coffee Logistics");
    PlacedOrder coffeeOrder = orders.newestOrders(20).stream().filter(o -> o.purchaseId().equals(coffeePurchase)).findFirst()
        .orElseThrow();
    assertThat(coffeeOrder.lines()).singleElement().satisfies(line -> {
      assertThat(line.hourlyCommitment()).isNotNull();
      assertThat(plan).contains(new com.reservationdesk.common.Money(line.hourlyCommitment(), line.unitPrice().currency()).format()
          + " an hour");
    });
  }

  private void startPurchaseFor(String customer) throws IOException {
    click(By.linkText("Start process"));
    click(By.xpath("//a[contains(., 'Buy Azure reservations')]"));
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form input[type='text']")));
    search.sendKeys(customer);
    click(By.xpath("//button[normalize-space()='Start']"));
    runJobs();
  }

  /** Ticks the first checklist option whose label starts with {@code prefix} and contains {@code text}; its label. */
  private String tick(String text, String prefix) {
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-form-field-checklist')]//label[starts-with(normalize-space(), \"" + prefix
            + "\") and contains(normalize-space(), \"" + text + "\")]")));
    scrollTo(option);
    option.click();
    sleep(300);
    return option.getText();
  }

  /** An approver approves when the approval table asked for one; the agent is logged in again after. */
  private void approveIfAsked() throws IOException {
    if (runtime.createProcessInstanceQuery().active().list().stream().noneMatch(p -> !tasks.createTaskQuery()
        .processInstanceId(p.getId()).taskDefinitionKey("UserTask_ApproveOrder").list().isEmpty())) {
      return;
    }
    logout();
    login("carol");
    openTask("Approve order");
    click(By.cssSelector("button.claim"));
    radio("Approve: the order is placed now");
    complete();
    logout();
    runJobs();
    login("alice");
  }

  /** The purchase id of the newest purchase of a customer, as the agent's purchases page lists it. */
  private Object historyOfPurchase(String customerName) {
    return jdbc.queryForObject("select id from purchase where customer_name = ? order by created_at desc limit 1", String.class,
        customerName);
  }
}
