package io.nbo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decision core, contact policy included, speaks the domain: no framework, no persistence, no service layer. */
class DecisionCoreArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nbo");

    @Test
    void decisionCoreImportsNoFramework() {
        noClasses().that().resideInAPackage("io.nbo.decision.core..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.quarkiverse..",
                        "org.infinispan..", "org.hibernate..", "org.kie..", "org.drools..", "io.nbo..service..",
                        "io.nbo..persistence..", "io.nbo..rest..", "io.nbo.contact..")
                .check(classes);
    }
}
