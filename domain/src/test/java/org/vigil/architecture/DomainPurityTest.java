package org.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: it depends on the JDK's core, its crypto and itself, nothing else. */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

  @ArchTest
  static final ArchRule domainDependsOnlyOnTheJdkAndItself =
      classes()
          .that()
          .resideInAPackage("org.vigil..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.vigil..",
              "java.lang..",
              "java.math..",
              "java.util..",
              "java.time..",
              "java.nio..",
              // JDK crypto only: the audit log hashes (SHA-256) and signs (Ed25519); section
              // control keys its tags (HmacSHA256) and seals its evidence (AES-GCM)
              // (docs/audit.md, docs/section-control.md); no provider outside the JDK.
              "java.security..",
              "javax.crypto..")
          .because("rules must run unchanged in any runtime (embedded, Kafka Streams)");

  @ArchTest
  static final ArchRule detectionsKnowNothingOfEnforcement =
      classes()
          .that()
          .resideInAnyPackage("org.vigil.detection..", "org.vigil.site..", "org.vigil.plate..")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackage("org.vigil.enforcement..");
}
