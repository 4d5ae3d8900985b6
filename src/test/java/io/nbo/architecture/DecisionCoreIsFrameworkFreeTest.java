package io.nbo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The decision core and the domain records speak the domain, not the framework. */
@AnalyzeClasses(packages = "io.nbo", importOptions = ImportOption.DoNotIncludeTests.class)
class DecisionCoreIsFrameworkFreeTest {

    private static final String[] FRAMEWORKS = {"jakarta.ws.rs..", "jakarta.persistence..", "jakarta.enterprise..",
            "jakarta.inject..", "io.quarkus..", "io.quarkiverse..", "io.smallrye..", "org.hibernate..", "org.infinispan..",
            "com.fasterxml.jackson..", "org.kie..", "org.drools.."};

    @ArchTest
    static final ArchRule decisionCoreHasNoFrameworkImports = noClasses()
            .that().resideInAPackage("io.nbo.decision.core..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("decision stages are plain Java over immutable values, testable without a container");

    @ArchTest
    static final ArchRule decisionCoreDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("io.nbo.decision.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.nbo..service..", "io.nbo..persistence..",
                    "io.nbo..rest..", "io.nbo.contact..")
            .because("the core, contact policy included, is called by services, never the other way round");

    @ArchTest
    static final ArchRule allocationIsPlainJava = noClasses()
            .that().resideInAPackage("io.nbo.campaign.allocation..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the allocator runs on any thread or node over plain values, testable without a container");

    @ArchTest
    static final ArchRule allocationDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("io.nbo.campaign.allocation..")
            .should().dependOnClassesThat().resideInAnyPackage("io.nbo..service..", "io.nbo..persistence..",
                    "io.nbo..rest..", "io.nbo.campaign.run..")
            .because("the batch run calls the allocator, never the other way round");

    @ArchTest
    static final ArchRule domainRecordsHaveNoFrameworkImports = noClasses()
            .that().resideInAnyPackage("io.nbo.offer", "io.nbo.profile")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("offers and profiles are the immutable values the hot path and the cache hold");

    @ArchTest
    static final ArchRule entitiesStayInTheirPackage = noClasses()
            .that().resideOutsideOfPackages("io.nbo..persistence..", "io.nbo..service..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
            .because("entities never leave their feature: the rest of the server reads records");

    @ArchTest
    static final ArchRule onlyTheRuleEngineOwnsDrools = noClasses()
            .that().resideOutsideOfPackages("io.nbo.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("exactly one feature owns Drools; resources and services get typed results");
}
