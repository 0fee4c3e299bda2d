package com.reservationdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The rules that keep the house (README, "How it is built"): feature packages without cycles, Camunda only in
 * the process glue and the engine extensions, Partner Center's adapters behind its port. Methods, not fields:
 * Maven's test filter ({@code -Dtest=ArchitectureTest}) runs only tests that have a method.
 */
@AnalyzeClasses(packages = "com.reservationdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String GLUE = "com.reservationdesk.process..";
  static final String ENGINE = "com.reservationdesk.engine..";

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
    noClasses().that().resideOutsideOfPackage("com.reservationdesk.partnercenter..")
        .should().dependOnClassesThat().resideInAnyPackage("com.reservationdesk.partnercenter.embedded..",
            "com.reservationdesk.partnercenter.live..")
        .check(classes);
  }

  @ArchTest
  static void theAdaptersDoNotKnowEachOther(JavaClasses classes) {
    noClasses().that().resideInAPackage("com.reservationdesk.partnercenter.embedded..")
        .should().dependOnClassesThat().resideInAPackage("com.reservationdesk.partnercenter.live..").check(classes);
    noClasses().that().resideInAPackage("com.reservationdesk.partnercenter.live..")
        .should().dependOnClassesThat().resideInAPackage("com.reservationdesk.partnercenter.embedded..").check(classes);
  }
}
