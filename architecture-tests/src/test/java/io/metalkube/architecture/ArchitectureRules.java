package io.metalkube.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design card's dependency rules, written once for a root package so that the same rules check the
 * production code ({@code io.metalkube}) and the violating fixtures ({@code io.metalkube.archfixture}).
 * Layers under the root: {@code domain}, {@code application}, the adapters {@code ipmi}, {@code redfish},
 * {@code ironic}, {@code kubernetes}, and {@code bootstrap}, the composition root.
 */
public final class ArchitectureRules {

    static final List<String> ADAPTERS = List.of("ipmi", "redfish", "ironic", "kubernetes");

    /** The BMC protocol adapters: our own clients in plain Java, no framework. */
    static final List<String> PROTOCOL_ADAPTERS = List.of("ipmi", "redfish");

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    public static ArchitectureRules forRoot(String root) {
        return new ArchitectureRules(root);
    }

    private String pkg(String layer) {
        return root + "." + layer + "..";
    }

    /** The domain is pure Java: its own packages and the parts of java.base that do no I/O. */
    public ArchRule domainIsPureJava() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        pkg("domain"), "java.lang..", "java.util..", "java.time..", "java.math..", "java.nio.charset..")
                .as("the domain depends on nothing but its own packages and java.base without I/O");
    }

    /** Time reaches the domain as an argument: no ambient clock. */
    public ArchRule domainHasNoAmbientTime() {
        return noClasses().that().resideInAPackage(pkg("domain"))
                .should().callMethodWhere(ambientTime())
                .as("the domain never reads the ambient clock (inject a Clock or pass the time in)");
    }

    /** The application knows the domain and Java, nothing else: no framework, no adapters, no network or files. */
    public ArchRule applicationKnowsOnlyTheDomain() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat(are(resideInAnyPackage(
                        pkg("application"), pkg("domain"), "java..")
                        .and(DescribedPredicate.not(resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..")))))
                .as("the application depends only on the domain and on java.base without network, files or SQL");
    }

    /** Adapters implement ports; they never call one another (only bootstrap puts them together). */
    public ArchRule adaptersAreIndependent() {
        return slices().matching(root + ".(*)..")
                .namingSlices("adapter $1")
                .that(DescribedPredicate.describe("is an adapter",
                        slice -> ADAPTERS.stream().anyMatch(a -> slice.getDescription().equals("adapter " + a))))
                .should().notDependOnEachOther()
                .as("the adapters (" + String.join(", ", ADAPTERS) + ") do not depend on one another");
    }

    /** Nothing depends on the composition root. */
    public ArchRule onlyBootstrapKnowsBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .allowEmptyShould(true)
                .as("only the bootstrap module knows the bootstrap module");
    }

    /** Micronaut's dependency injection is confined to the composition root. */
    public ArchRule frameworkWiringOnlyInBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut.context.annotation..", "io.micronaut.runtime..", "jakarta.inject..")
                .as("dependency injection (Micronaut context, jakarta.inject) is used only in bootstrap");
    }

    /** The in-memory fakes serve tests and the demo; production adapters never lean on them. */
    public ArchRule adaptersDoNotUseFakes() {
        String[] adapters = ADAPTERS.stream().map(this::pkg).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage(root + ".application.fake..")
                .as("adapters do not use the application's in-memory fakes");
    }

    /** An adapter's wire and custom-resource types are mapped at its edge; nobody else sees them. */
    public ArchRule wireTypesStayInTheirAdapter() {
        List<ArchRule> perAdapter = ADAPTERS.stream()
                .map(a -> (ArchRule) noClasses().that().resideOutsideOfPackage(pkg(a))
                        .should().dependOnClassesThat().resideInAnyPackage(pkg(a + ".wire"), pkg(a + ".crd"))
                        .allowEmptyShould(true))
                .toList();
        return CompositeArchRule.of(perAdapter)
                .as("wire and custom-resource types (*.wire, *.crd) are used only inside their own adapter");
    }

    /** The BMC protocol clients stay plain Java (JDK HTTP/UDP, Jackson's tree model): no Micronaut, fabric8 or JOSDK. */
    public ArchRule protocolAdaptersArePlainJava() {
        String[] adapters = PROTOCOL_ADAPTERS.stream().map(this::pkg).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(adapters)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.fabric8..", "io.javaoperatorsdk..", "jakarta..")
                .as("the protocol adapters (" + String.join(", ", PROTOCOL_ADAPTERS) + ") use no framework");
    }

    /** Top-level packages form no cycle. */
    public ArchRule noCyclesBetweenLayers() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no dependency cycles between " + root + "'s top-level packages");
    }

    public List<ArchRule> all() {
        return List.of(domainIsPureJava(), domainHasNoAmbientTime(), applicationKnowsOnlyTheDomain(),
                adaptersAreIndependent(), onlyBootstrapKnowsBootstrap(), frameworkWiringOnlyInBootstrap(),
                adaptersDoNotUseFakes(), wireTypesStayInTheirAdapter(), protocolAdaptersArePlainJava(), noCyclesBetweenLayers());
    }

    private static DescribedPredicate<JavaMethodCall> ambientTime() {
        return DescribedPredicate.describe("reads the ambient clock", call -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            return switch (owner.getName()) {
                case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
                case "java.time.Clock" -> name.startsWith("system");
                case "java.time.Instant", "java.time.LocalDateTime", "java.time.LocalDate", "java.time.ZonedDateTime",
                     "java.time.OffsetDateTime", "java.time.LocalTime" -> name.equals("now") && call.getTarget()
                        .getRawParameterTypes().isEmpty();
                default -> false;
            };
        });
    }
}
