package com.reservationdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The rules that keep the house (README, "How it is built"): feature packages without cycles, Camunda only in
 * the process glue and the engine extensions, Partner Center's, the usage's and the reservations' adapters behind their ports. Methods, not fields:
 * Maven's test filter ({@code -Dtest=ArchitectureTest}) runs only tests that have a method.
 */
@AnalyzeClasses(packages = "com.reservationdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String GLUE = "com.reservationdesk.process..";
  static final String ENGINE = "com.reservationdesk.engine..";
  static final String PARTNER_CENTER_EMBEDDED = "com.reservationdesk.partnercenter.embedded..";
  static final String PARTNER_CENTER_LIVE = "com.reservationdesk.partnercenter.live..";
  static final String USAGE_EMBEDDED = "com.reservationdesk.usage.embedded..";
  static final String USAGE_LIVE = "com.reservationdesk.usage.live..";
  static final String RESERVATION_EMBEDDED = "com.reservationdesk.reservation.embedded..";
  static final String RESERVATION_LIVE = "com.reservationdesk.reservation.live..";

  @ArchTest
  static void noPackageCycles(JavaClasses classes) {
    slices().matching("com.reservationdesk.(**)").should().beFreeOfCycles().check(classes);
  }

  @ArchTest
  static void onlyGlueAndEngineExtensionsTouchCamunda(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(GLUE, ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
        .because("domain services know nothing of Camunda, so the engine can be swapped for its fork one day")
        .check(classes);
  }

  @ArchTest
  static void servicesDoNotKnowTheGlue(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(GLUE, ENGINE).and().doNotHaveSimpleName("ReservationDeskApplication")
        .should().dependOnClassesThat().resideInAnyPackage(GLUE, ENGINE)
        .because("a new process slots in beside the others and calls the same services")
        .check(classes);
  }

  @ArchTest
  static void engineExtensionsDoNotKnowAProcess(JavaClasses classes) {
    noClasses().that().resideInAPackage(ENGINE).should().dependOnClassesThat().resideInAPackage(GLUE)
        .because("each process's glue tells the engine extensions what they need (ProcessAccess, HistoryExclusion)")
        .check(classes);
  }

  @ArchTest
  static void nothingOutsidePartnerCenterKnowsAnAdapter(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages("com.reservationdesk.partnercenter..", USAGE_EMBEDDED, RESERVATION_EMBEDDED)
        .should().dependOnClassesThat().resideInAnyPackage(PARTNER_CENTER_EMBEDDED, PARTNER_CENTER_LIVE)
        .check(classes);
    noClasses().that().resideInAnyPackage(USAGE_EMBEDDED, RESERVATION_EMBEDDED)
        .should().dependOnClassesThat().resideInAPackage(PARTNER_CENTER_LIVE)
        .because("the embedded usage and reservations live in the embedded Partner Center's demo world (its tables, pool, demo "
            + "customers, fleets and catalog), the exceptions to the rule above; they never reach Microsoft")
        .check(classes);
  }

  @ArchTest
  static void nothingOutsideAReservationAdapterKnowsOne(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(RESERVATION_EMBEDDED, RESERVATION_LIVE)
        .should().dependOnClassesThat().resideInAnyPackage(RESERVATION_EMBEDDED, RESERVATION_LIVE)
        .because("what customers own is read through the ReservationInventory port; reservation-desk.partner.mode picks the adapter")
        .check(classes);
  }

  @ArchTest
  static void theReservationAdaptersDoNotKnowEachOther_norTheUsageAdapters(JavaClasses classes) {
    noClasses().that().resideInAPackage(RESERVATION_EMBEDDED).should().dependOnClassesThat().resideInAPackage(RESERVATION_LIVE)
        .check(classes);
    noClasses().that().resideInAPackage(RESERVATION_LIVE).should().dependOnClassesThat().resideInAPackage(RESERVATION_EMBEDDED)
        .check(classes);
    noClasses().that().resideInAnyPackage(RESERVATION_EMBEDDED, RESERVATION_LIVE)
        .should().dependOnClassesThat().resideInAnyPackage(USAGE_EMBEDDED, USAGE_LIVE)
        .because("adapters of different ports share through common (TenantRegistrations) or the embedded Partner Center "
            + "(UsageProfile), never through each other")
        .check(classes);
  }

  @ArchTest
  static void theReservationPortKnowsNoCamundaNorProcess(JavaClasses classes) {
    // Issue 17's services beside the ports (the renewal opens a purchase, the sweep and the page read who placed an order)
    // are Reservation Desk's own use of the ports, not the ports: they may know purchases and orders.
    noClasses().that().resideInAPackage("com.reservationdesk.reservation..").and().doNotHaveSimpleName("Renewals")
        .and().doNotHaveSimpleName("ReservationSweep").and().doNotHaveSimpleName("ReservationsController")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", GLUE, ENGINE, "com.reservationdesk.purchase..",
            "com.reservationdesk.order..")
        .because("the inventory and the returns are ports of their own: the processes that use them call them, not the other way round")
        .check(classes);
  }

  @ArchTest
  static void theReturnsPortAndItsRecords_knowOnlyTheirOwnTypes(JavaClasses classes) {
    noClasses().that().haveFullyQualifiedName("com.reservationdesk.reservation.ReservationReturns")
        .or().haveFullyQualifiedName("com.reservationdesk.reservation.ReturnLine")
        .or().haveFullyQualifiedName("com.reservationdesk.reservation.RefundQuote")
        .or().haveFullyQualifiedName("com.reservationdesk.reservation.NewReservation")
        .or().haveFullyQualifiedName("com.reservationdesk.reservation.ExchangeQuote")
        .or().haveFullyQualifiedName("com.reservationdesk.reservation.ReturnOperation")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.reservationdesk.reservation", "com.reservationdesk.common",
            "com.reservationdesk.partnercenter")
        .because("a return or an exchange is described in the port's own words, Money, Term and BillingPlan (issue 18): no Spring, "
            + "no adapter, no wire format")
        .check(classes);
  }

  @ArchTest
  static void nothingOutsideAUsageAdapterKnowsOne(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(USAGE_EMBEDDED, USAGE_LIVE)
        .should().dependOnClassesThat().resideInAnyPackage(USAGE_EMBEDDED, USAGE_LIVE)
        .because("usage is read through the UsageSource port; reservation-desk.partner.mode picks the adapter")
        .check(classes);
  }

  @ArchTest
  static void theUsageAdaptersDoNotKnowEachOther(JavaClasses classes) {
    noClasses().that().resideInAPackage(USAGE_EMBEDDED).should().dependOnClassesThat().resideInAPackage(USAGE_LIVE).check(classes);
    noClasses().that().resideInAPackage(USAGE_LIVE).should().dependOnClassesThat().resideInAPackage(USAGE_EMBEDDED).check(classes);
  }

  @ArchTest
  static void theAdaptersDoNotKnowEachOther(JavaClasses classes) {
    noClasses().that().resideInAPackage("com.reservationdesk.partnercenter.embedded..")
        .should().dependOnClassesThat().resideInAPackage("com.reservationdesk.partnercenter.live..").check(classes);
    noClasses().that().resideInAPackage("com.reservationdesk.partnercenter.live..")
        .should().dependOnClassesThat().resideInAPackage("com.reservationdesk.partnercenter.embedded..").check(classes);
  }
}
