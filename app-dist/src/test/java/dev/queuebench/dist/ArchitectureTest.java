package dev.queuebench.dist;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.queuebench.core.QueueBench;
import dev.queuebench.core.internal.workload.RunWorkload;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.spi.BackendSettings;
import org.junit.jupiter.api.Test;

/**
 * The module map, checked on the classes of every module (the distribution's classpath holds them all): domain,
 * ports, core, persistence, adapters and runners, who may depend on whom, and what each may use. No rule names a backend or
 * its library: a new backend module needs no change here.
 */
class ArchitectureTest {

    private static final String DOMAIN = "dev.queuebench.domain..";
    private static final String PORTS = "dev.queuebench.ports..";
    private static final String CORE = "dev.queuebench.core..";
    private static final String SPI = "dev.queuebench.ports.spi..";
    private static final String CORE_INTERNAL = "dev.queuebench.core.internal..";
    private static final String CORE_WORKLOAD = "dev.queuebench.core.internal.workload..";
    private static final String PERSISTENCE = "dev.queuebench.persistence..";
    private static final String ADAPTERS = "dev.queuebench.adapter..";
    private static final String COMMON = "dev.queuebench.common..";
    private static final String CLI = "dev.queuebench.cli..";
    private static final String WEB = "dev.queuebench.web..";
    private static final String DIST = "dev.queuebench.dist..";

    /** The product's classes: test fixtures ({@code testing}, {@code contract}) are not part of the map. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/benchmark-testing")
                    && !location.contains("/benchmark-contract"))
            .importPackages("dev.queuebench");

    static final ArchRule modules_depend_only_inwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Core").definedBy(CORE)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Runner common").definedBy(COMMON)
            .layer("Runners").definedBy(CLI, WEB)
            .layer("Distribution").definedBy(DIST)
            .whereLayer("Distribution").mayNotBeAccessedByAnyLayer()
            .whereLayer("Runners").mayOnlyBeAccessedByLayers("Distribution")
            .whereLayer("Runner common").mayOnlyBeAccessedByLayers("Runners", "Distribution")
            .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Runner common")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Runner common", "Runners", "Distribution")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Core", "Persistence", "Adapters", "Runner common",
                    "Runners", "Distribution")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Core", "Persistence", "Adapters",
                    "Runner common", "Runners", "Distribution");

    /** The CLI and the web runner share only what {@code app-common} holds; the distribution puts them together. */
    static final ArchRule neither_runner_depends_on_the_other = CompositeArchRule
            .of(noClasses().that().resideInAPackage(CLI).should().dependOnClassesThat().resideInAPackage(WEB))
            .and(noClasses().that().resideInAPackage(WEB).should().dependOnClassesThat().resideInAPackage(CLI));

    static final ArchRule the_domain_depends_on_the_jdk_only = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    static final ArchRule the_ports_depend_on_the_domain_and_the_jdk_only = classes().that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN, "java..", "javax.sql..");

    /**
     * The ports carry data between the runners, the core and the adapters; the rules that compute (rates, recovery,
     * fairness, statistics, summaries) live in {@code domain.measure}, where they are tested with plain values. The
     * arithmetic a rule needs ({@code Math}, primitive streams, array scans) is the sign of one. The SPI is left out: a
     * knob's declaration formats its own values.
     */
    static final ArchRule the_ports_carry_data_and_compute_nothing = noClasses()
            .that().resideInAnyPackage("dev.queuebench.ports.in..", "dev.queuebench.ports.out..")
            .should().dependOnClassesThat().belongToAnyOf(Math.class, StrictMath.class, java.util.Arrays.class,
                    java.util.stream.IntStream.class, java.util.stream.LongStream.class,
                    java.util.stream.DoubleStream.class)
            .because("computation belongs in domain.measure or the core, where it is tested without a database");

    /** {@code com.sun.management} is the JDK's own (module jdk.management): process CPU and machine memory. */
    static final ArchRule the_core_depends_on_the_ports_the_jdk_and_two_data_structure_libraries_only = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, PORTS, DOMAIN, "java..", "javax.sql..",
                    "com.sun.management..", "org.roaringbitmap..", "org.HdrHistogram..");

    /** Implied by the three rules above; kept as the list of frameworks one might reach for by habit. */
    static final ArchRule no_framework_inside_domain_ports_or_core = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORTS, CORE)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "io.javalin..", "picocli..", "com.fasterxml.jackson..", "org.flywaydb..", "com.zaxxer..",
                    "org.slf4j..");

    /**
     * Runners drive benchmarks through the use cases: they neither hold a backend ({@code QueueBench.backend} is for
     * the contract suite and tools that test one) nor use the SPI beyond the knob values users type.
     */
    static final ArchRule runners_go_through_the_use_cases = noClasses()
            .that().resideInAnyPackage(COMMON, CLI, WEB, DIST)
            .should().callMethod(QueueBench.class, "backend", BackendId.class)
            .orShould().dependOnClassesThat(resideInAPackage(SPI).and(not(type(BackendSettings.class))));

    /**
     * Compare, faults and extra nodes are the core's ({@code CompareUseCase}): a runner parses, calls it and prints.
     * It starts no process (the worker nodes are the {@code WorkerNodesPort} adapter in {@code app-common}), fires no
     * fault and drives no calibration or trials of its own.
     */
    static final ArchRule runners_compare_inject_faults_and_start_nodes_through_the_core = noClasses()
            .that().resideInAnyPackage(CLI, WEB, DIST)
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
            .orShould().callMethod(FaultSpec.class, "firesAt", double.class, java.time.Duration.class)
            .orShould().callMethod(QueueBench.class, "runTrials", StartRunCommand.class, int.class, int.class,
                    RunListener.class)
            .orShould().callMethod(QueueBench.class, "runTrials", StartRunCommand.class, java.util.Optional.class,
                    int.class, int.class, RunListener.class)
            .orShould().callMethod(QueueBench.class, "sizedToLast", StartRunCommand.class, RunSizing.class,
                    RunListener.class);

    static final ArchRule only_the_core_uses_its_internals = noClasses()
            .that().resideOutsideOfPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL);

    static final ArchRule no_adapter_depends_on_another_adapter = slices()
            .matching("dev.queuebench.adapter.(*)..").should().notDependOnEachOther();

    /**
     * A backend's library stays inside its own adapter: everything else may use the JDK and the libraries listed
     * here, the ones the product is built on. A new backend's library is not among them, so it cannot leak out.
     */
    static final ArchRule queue_libraries_stay_inside_their_own_adapter = classes()
            .that().resideOutsideOfPackage(ADAPTERS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.queuebench..", "java..", "javax..",
                    "com.sun.management..", "org.roaringbitmap..", "org.HdrHistogram..", "jakarta.persistence..",
                    "org.hibernate..", "com.zaxxer..", "org.postgresql..", "org.flywaydb..", "io.zonky..",
                    "org.slf4j..", "io.javalin..", "gg.jte..", "picocli..", "com.fasterxml.jackson..", "kotlin..");

    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.queuebench.(**)").should().beFreeOfCycles();

    /**
     * What a workload does to a run has one home in the core: one class per workload in {@code core.internal.workload}.
     * The rest of the core asks the workload ({@code RunWorkload}) or the domain's {@code Workload}, never which
     * workload it is.
     */
    static final ArchRule in_the_core_only_the_workload_classes_tell_workloads_apart = noClasses()
            .that().resideInAPackage(CORE).and().resideOutsideOfPackage(CORE_WORKLOAD)
            .should().dependOnClassesThat(type(Workload.Delayed.class).or(type(Workload.Backlog.class))
                    .or(type(Workload.Rate.class)));

    static final ArchRule one_workload_class_per_workload = classes()
            .that().resideInAPackage(CORE_WORKLOAD).and().implement(RunWorkload.class)
            .should().haveSimpleNameEndingWith("Workload").andShould().beTopLevelClasses()
            .andShould().haveOnlyFinalFields();

    /** Persistence is an adapter of the ports, beside the backends: the core does not know it, and it not the core. */
    static final ArchRule persistence_is_an_adapter_of_the_ports_not_a_layer_above_the_core = noClasses()
            .that().resideInAPackage(PERSISTENCE).should().dependOnClassesThat().resideInAPackage(CORE);

    /**
     * What of PostgreSQL is not JPA (the server, pools, migrations, run lock, node leases, metrics) needs no Hibernate:
     * the contract suite and embedding programs use it without.
     */
    static final ArchRule the_postgres_parts_need_no_jpa = noClasses()
            .that().resideInAPackage("dev.queuebench.persistence.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "dev.queuebench.persistence");

    static final ArchRule persistence_entities_never_leave_their_package = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().notBePublic()
            .andShould().resideInAPackage(PERSISTENCE);

    @Test
    void modules_depend_only_inwards() {
        modules_depend_only_inwards.check(CLASSES);
    }

    @Test
    void neither_runner_depends_on_the_other() {
        neither_runner_depends_on_the_other.check(CLASSES);
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        the_domain_depends_on_the_jdk_only.check(CLASSES);
    }

    @Test
    void the_ports_depend_on_the_domain_and_the_jdk_only() {
        the_ports_depend_on_the_domain_and_the_jdk_only.check(CLASSES);
    }

    @Test
    void the_ports_carry_data_and_compute_nothing() {
        the_ports_carry_data_and_compute_nothing.check(CLASSES);
    }

    @Test
    void the_core_depends_on_the_ports_the_jdk_and_two_data_structure_libraries_only() {
        the_core_depends_on_the_ports_the_jdk_and_two_data_structure_libraries_only.check(CLASSES);
    }

    @Test
    void no_framework_inside_domain_ports_or_core() {
        no_framework_inside_domain_ports_or_core.check(CLASSES);
    }

    @Test
    void runners_go_through_the_use_cases() {
        runners_go_through_the_use_cases.check(CLASSES);
    }

    @Test
    void runners_compare_inject_faults_and_start_nodes_through_the_core() {
        runners_compare_inject_faults_and_start_nodes_through_the_core.check(CLASSES);
    }

    @Test
    void only_the_core_uses_its_internals() {
        only_the_core_uses_its_internals.check(CLASSES);
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
    void packages_are_free_of_cycles() {
        packages_are_free_of_cycles.check(CLASSES);
    }

    @Test
    void in_the_core_only_the_workload_classes_tell_workloads_apart() {
        in_the_core_only_the_workload_classes_tell_workloads_apart.check(CLASSES);
    }

    @Test
    void one_workload_class_per_workload() {
        one_workload_class_per_workload.check(CLASSES);
        assertThat(RunWorkload.class.getPermittedSubclasses()).as("a class for each of the domain's workloads")
                .hasSameSizeAs(Workload.class.getPermittedSubclasses());
    }

    @Test
    void persistence_is_an_adapter_of_the_ports_not_a_layer_above_the_core() {
        persistence_is_an_adapter_of_the_ports_not_a_layer_above_the_core.check(CLASSES);
    }

    @Test
    void the_postgres_parts_need_no_jpa() {
        the_postgres_parts_need_no_jpa.check(CLASSES);
    }

    @Test
    void persistence_entities_never_leave_their_package() {
        persistence_entities_never_leave_their_package.check(CLASSES);
    }
}
