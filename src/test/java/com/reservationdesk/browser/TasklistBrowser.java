package com.reservationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.Jobs;
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
import org.junit.jupiter.api.TestInfo;
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
 * Tasklist as a person uses it, in Debian's headless Chromium: log in, start a process, open a task, fill a Camunda Form,
 * complete it. The browser tests extend it; each test's forms are saved as screenshots under
 * {@code target/browser-screenshots/<test class>-<test method>/}.
 */
abstract class TasklistBrowser {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;
  Path screenshots;
  int shot;
  String currentTask = "start";

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
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
    screenshots = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
    Files.createDirectories(screenshots);
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

  void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    // AngularJS drops keystrokes typed before it has bound the form.
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username'].ng-untouched")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Start process")));
  }

  void logout() {
    ((JavascriptExecutor) browser).executeScript("document.cookie.split(';').forEach(c => document.cookie = "
        + "c.trim().split('=')[0] + '=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/');");
    browser.manage().deleteAllCookies();
  }

  /** Start process → the process named {@code process}; its start form is open after. */
  void startProcess(String process) {
    click(By.linkText("Start process"));
    click(By.xpath("//a[contains(., '" + process + "')]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form input, .fjs-form textarea")));
  }

  void openTask(String name) throws IOException {
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

  /** The text the open form shows. */
  String formText() {
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  void radio(String label) {
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(), \"" + label + "\")]")));
    scrollTo(option);
    option.click();
    sleep(300);
  }

  void select(String label, String option) {
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

  /**
   * Types into the text field, number field or text area labelled {@code label}, and again if form-js's debounced
   * re-render of another field's change wiped it meanwhile.
   */
  void text(String label, String value) {
    By by = By.xpath("//label[normalize-space()=\"" + label + "\" or normalize-space()=\"" + label
        + "*\"]/ancestor::div[contains(@class,'fjs-form-field')][1]//*[self::input or self::textarea]");
    for (int attempt = 1; ; attempt++) {
      WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(by));
      scrollTo(field);
      field.click();
      if (field.getTagName().equals("textarea")) {
        // form-js's text area drops what is typed in the same call as a Ctrl+A chord.
        if (!field.getAttribute("value").isEmpty()) {
          field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        }
        field.sendKeys(value);
      } else {
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
      }
      sleep(600);
      if (value.equals(browser.findElement(by).getAttribute("value")) || attempt == 3) {
        return;
      }
    }
  }

  /** Completes the open task, or submits the open start form ({@code button} "Start"); fails with Tasklist's error. */
  void complete() throws IOException {
    submit("Complete");
  }

  void submit(String button) throws IOException {
    screenshot(currentTask + " filled");
    WebElement element = browser.findElement(By.xpath("//button[normalize-space()='" + button + "']"));
    scrollTo(element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
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

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    sleep(500);
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  void screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name.replaceAll("\\W+", "-"))),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The tests run without the job executor: the asynchronous steps run when the test says. */
  void runJobs() {
    Jobs.runDue(management, null);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
