package com.reservationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.Jobs;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A first-day agent's purchase, through Tasklist's forms only, in Debian's headless Chromium: a customer
 * without a subscription gets one, two cart lines, a quantity changed at review, an approver approves,
 * the order exists. Every form is saved as a screenshot under {@code target/browser-screenshots/}.
 */
@AppTest
class TasklistPurchaseBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired PartnerCenter partnerCenter;
  @Autowired OrderService orders;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;
  int shot;
  String currentTask = "start";

  @BeforeEach
  void openBrowser() throws IOException {
    File chromium = new File("/usr/bin/chromium");
    File driver = new File("/usr/bin/chromedriver");
    assertThat(chromium).as("Debian's chromium: run bin/install-test-tools (bin/test does)").exists();
    assertThat(driver).as("Debian's chromium-driver: run bin/install-test-tools (bin/test does)").exists();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1400", "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
    // The task list shows this test's tasks only: earlier tests in this JVM share the database.
    List<String> others = runtime.createProcessInstanceQuery().list().stream().map(p -> p.getId()).toList();
    if (!others.isEmpty()) {
      runtime.deleteProcessInstances(others, "clean task list for the browser test", true, true);
    }
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

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

  // --- Tasklist, as a person uses it ----------------------------------------------------------------

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    // AngularJS drops keystrokes typed before it has bound the form.
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username'].ng-untouched")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Start process")));
  }

  private void logout() {
    ((JavascriptExecutor) browser).executeScript("document.cookie.split(';').forEach(c => document.cookie = "
        + "c.trim().split('=')[0] + '=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/');");
    browser.manage().deleteAllCookies();
  }

  private void openTask(String name) throws IOException {
    By item = By.xpath("//ol[contains(@class,'tasks-list')]//li[.//*[normalize-space()='" + name + "']]//a[contains(@class,'task')]"
        + " | //ol[contains(@class,'tasks-list')]//li//h4[normalize-space()='" + name + "']");
    long deadline = System.currentTimeMillis() + 20_000;
    boolean allTasks = false;
    while (true) {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      try {
        if (allTasks) {
          // Tasklist opens the user's first filter; an approver's task is under another one.
          new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.partialLinkText("All tasks")))
              .click();
        }
        allTasks = !allTasks;
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(item)).click();
        break;
      } catch (RuntimeException notYet) {
        if (System.currentTimeMillis() > deadline) {
          screenshot("missing-" + name);
          throw new AssertionError("No task \u201c" + name + "\u201d in the task list", notYet);
        }
      }
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    sleep(800);
    currentTask = name;
    screenshot(name);
  }

  private void radio(String label) {
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(), \"" + label + "\")]")));
    scrollTo(option);
    option.click();
    sleep(300);
  }

  private void select(String label, String option) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-form-field-select')][.//label[normalize-space()=\"" + label + "\" or normalize-space()=\""
            + label + "*\"]]")));
    scrollTo(field);
    field.findElement(By.cssSelector("input, .fjs-select-display")).click();
    sleep(300);
    WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(), \"" + option + "\")]")));
    // form-js selects on mousedown.
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))", item);
    sleep(300);
  }

  private void text(String label, String value) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-form-field')][.//label[normalize-space()=\"" + label + "\" or normalize-space()=\"" + label
            + "*\"]]//input")));
    scrollTo(field);
    field.click();
    field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
    sleep(200);
  }

  private void complete() throws IOException {
    screenshot(currentTask + " filled");
    WebElement button = browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
    scrollTo(button);
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    // The task leaves the list once completed; an error would keep the form with a notification.
    wait.until(ExpectedConditions.or(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")),
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert-danger, .alert-danger"))));
    List<WebElement> errors = browser.findElements(By.cssSelector(".alert-danger"));
    if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
      screenshot("error");
      throw new AssertionError("Tasklist refused the form: " + errors.get(0).getText());
    }
  }

  private void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    sleep(500);
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private void screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name.replaceAll("\\W+", "-"))),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The tests run without the job executor: the asynchronous steps run when the test says. */
  private void runJobs() {
    Jobs.runDue(management, null);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
