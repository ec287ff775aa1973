package dev.queuebench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module map of the design brief, checked on the classes of every module (this runner's classpath holds them
 * all): domain, ports, persistence, adapters and runners, and who may depend on whom.
 */
class ArchitectureTest {

    private static final String DOMAIN = "dev.queuebench.domain..";
    private static final String PORTS = "dev.queuebench.ports..";
    private static final String PERSISTENCE = "dev.queuebench.persistence..";
    private static final String ADAPTERS = "dev.queuebench.adapter..";
    private static final String CLI = "dev.queuebench.cli..";
    private static final String WEB = "dev.queuebench.web..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.queuebench");

    static final ArchRule modules_depend_only_inwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Runners").definedBy(CLI, WEB)
            .whereLayer("Runners").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Runners")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Persistence", "Adapters", "Runners")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Persistence", "Adapters", "Runners");

    static final ArchRule the_domain_depends_on_the_jdk_only = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    /** {@code com.sun.management} is the JDK's own (module jdk.management): process CPU and machine memory. */
    static final ArchRule the_ports_depend_on_the_domain_and_two_data_structure_libraries_only = classes()
            .that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN, "java..", "javax.sql..",
                    "com.sun.management..", "org.roaringbitmap..", "org.HdrHistogram..");

    static final ArchRule no_framework_or_queue_library_inside_domain_or_ports = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "com.github.kagkarlsson..", "org.jobrunr..", "org.quartz..", "io.javalin..", "picocli..",
                    "com.fasterxml.jackson..", "org.flywaydb..", "com.zaxxer..", "org.slf4j..");

    static final ArchRule no_adapter_depends_on_another_adapter = slices()
            .matching("dev.queuebench.adapter.(*)..").should().notDependOnEachOther();

    static final ArchRule queue_libraries_stay_inside_their_own_adapter = noClasses()
            .that().resideOutsideOfPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.github.kagkarlsson..", "org.jobrunr..", "org.quartz..");

    static final ArchRule persistence_entities_never_leave_their_package = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().notBePublic()
            .andShould().resideInAPackage(PERSISTENCE);

    @Test
    void modules_depend_only_inwards() {
        modules_depend_only_inwards.check(CLASSES);
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        the_domain_depends_on_the_jdk_only.check(CLASSES);
    }

    @Test
    void the_ports_depend_on_the_domain_and_two_data_structure_libraries_only() {
        the_ports_depend_on_the_domain_and_two_data_structure_libraries_only.check(CLASSES);
    }

    @Test
    void no_framework_or_queue_library_inside_domain_or_ports() {
        no_framework_or_queue_library_inside_domain_or_ports.check(CLASSES);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        no_adapter_depends_on_another_adapter.check(CLASSES);
    }

    @Test
    void queue_libraries_stay_inside_their_own_adapter() {
        queue_libraries_stay_inside_their_own_adapter.check(CLASSES);
    }

    @Test
    void persistence_entities_never_leave_their_package() {
        persistence_entities_never_leave_their_package.check(CLASSES);
    }
}
