package com.reservationdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.Jobs;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent returns Proseware Health's idle reservations through Tasklist's forms only: the id read from the customer's
 * reservations page, the return started, 6 of its 8 chosen, Azure's refund reviewed and submitted, the outcome seen, and
 * the page shows 2 left, the return in the history and the refund in the budget. The jobs (the return at Azure, the
 * polls and the 30-second timer between them) run when the test says, as the app's job executor is off in tests.
 */
@AppTest
class TasklistReturnBrowserTest extends TasklistBrowser {

  static final String PROCESS = "ReservationReturnProcess";

  @Autowired PartnerCenter partnerCenter;
  @Autowired TaskService tasks;

  @Test
  void anAgentReturnsIdleReservationsThroughTheForms() throws Exception {
    String customerId = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "Proseware Health", 10).get(0).id();

    // The customer's page refreshes the customer from Partner Center and Azure: the reservation is known after it.
    login("alice");
    openReservations(customerId);
    assertThat(budgetLine()).as("Proseware's demo budget, untouched by earlier tests in this JVM")
        .startsWith("Refund budget: USD 0.00 of USD 50,000.00 used");
    WebElement row = reservationRow("8 \u00d7 Standard_E8s_v5");
    String reservationId = row.findElement(By.tagName("code")).getText();
    assertThat(reservationId).isNotBlank();

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    startProcess("Return reservations for a refund");
    currentTask = "start return";
    screenshot("start return");
    text("Reservation id", reservationId);
    submit("Start");

    openTask("Choose what to return");
    assertThat(formText()).contains("Choose what to return for Proseware Health").contains("Refund budget: USD 0.00");
    assertThat(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(), "
        + "'Reservation')]]")).getText()).as("the reservation of the start form is preselected").contains("8 \u00d7 Standard_E8s_v5");
    text("How many to return", "6");
    text("Why the customer returns it", "Six of the eight E8s_v5 have been idle for months; the two that run stay covered.");
    radio("Ask Azure what the refund is");
    complete();

    openTask("Review the refund");
    String review = formText();
    assertThat(review).contains("Review the refund for Proseware Health").containsPattern("Return 6 of .*Standard_E8s_v5")
        .containsPattern("Refund: \\$3,0\\d\\d\\.\\d\\d").contains("Refund budget before this return: USD 0.00 of USD 50,000.00");
    radio("Submit the return");
    complete();

    // The return at Azure and the polls: the embedded Azure answers "running" at the first look, so a timer waits between.
    String processInstance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).singleResult().getId();
    runJobsAndTimersUntilTask(processInstance, "UserTask_ReturnDone");

    openTask("See the outcome");
    String outcome = formText();
    assertThat(outcome).contains("Azure returned everything").containsPattern("Refund: \\$3,0\\d\\d\\.\\d\\d");
    complete();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstance).count()).isZero();

    openReservations(customerId);
    screenshot("reservations after the return");
    WebElement after = reservationRow(reservationId);
    assertThat(after.getText()).contains("2 \u00d7 Standard_E8s_v5");
    assertThat(after.findElement(By.cssSelector("td.history")).getText())
        .containsPattern("Return by alice \\(succeeded\\): 6, \\$3,0\\d\\d\\.\\d\\d \u2014 Six of the eight");
    assertThat(budgetLine()).matches("Refund budget: USD 3,0\\d\\d\\.\\d\\d of USD 50,000\\.00 used since .* \\(1 return\\), "
        + "USD 46,9\\d\\d\\.\\d\\d left\\.");
  }

  private void openReservations(String customerId) throws IOException {
    browser.get("http://localhost:" + port + "/reservations?customerId=" + customerId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.budget")));
    currentTask = "reservations";
    screenshot("reservations of Proseware Health");
  }

  private String budgetLine() {
    return browser.findElement(By.cssSelector("p.budget")).getText();
  }

  private WebElement reservationRow(String text) {
    return browser.findElement(By.xpath("//tr[contains(@class,'reservation')][contains(., \"" + text + "\")]"));
  }

  /** Runs the process's due jobs, and its timers before they are due, until the user task is there (twenty rounds at most). */
  private void runJobsAndTimersUntilTask(String processInstance, String taskKey) {
    for (int round = 0; round < 20; round++) {
      Jobs.runDue(management, processInstance);
      if (tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(taskKey).count() > 0) {
        return;
      }
      List<Job> timers = management.createJobQuery().processInstanceId(processInstance).timers().list();
      timers.forEach(timer -> management.executeJob(timer.getId()));
    }
    throw new AssertionError("No task " + taskKey + " after twenty rounds of jobs: "
        + management.createJobQuery().processInstanceId(processInstance).list());
  }
}
