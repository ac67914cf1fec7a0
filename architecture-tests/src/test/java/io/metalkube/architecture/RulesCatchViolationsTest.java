package io.metalkube.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each rule fails on a fixture written to break it, and names the offending class: no rule is vacuous. */
class RulesCatchViolationsTest {

    static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("io.metalkube.archfixture");
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("domain is pure Java", ArchitectureRules::domainIsPureJava, "ImpureHost"),
                violation("domain has no ambient time", ArchitectureRules::domainHasNoAmbientTime, "ClockReader"),
                violation("application knows only the domain", ArchitectureRules::applicationKnowsOnlyTheDomain,
                        "LeakyService"),
                violation("adapters are independent", ArchitectureRules::adaptersAreIndependent, "ChattyIpmi"),
                violation("adapters are independent (redfish)", ArchitectureRules::adaptersAreIndependent, "RedfishBorrowsIpmi"),
                violation("only bootstrap knows bootstrap", ArchitectureRules::onlyBootstrapKnowsBootstrap,
                        "KnowsBootstrap"),
                violation("framework wiring only in bootstrap", ArchitectureRules::frameworkWiringOnlyInBootstrap,
                        "InjectedAdapter"),
                violation("adapters do not use fakes", ArchitectureRules::adaptersDoNotUseFakes, "UsesFake"),
                violation("adapters do not use fakes (redfish)", ArchitectureRules::adaptersDoNotUseFakes, "RedfishUsesFixture"),
                violation("wire types stay in their adapter", ArchitectureRules::wireTypesStayInTheirAdapter,
                        "PeeksAtWire"),
                violation("wire types stay in their adapter (redfish)", ArchitectureRules::wireTypesStayInTheirAdapter,
                        "ReadsRedfishJson"),
                violation("protocol adapters are plain Java", ArchitectureRules::protocolAdaptersArePlainJava,
                        "RedfishOnMicronaut"),
                violation("no cycles between layers", ArchitectureRules::noCyclesBetweenLayers, "CyclicDomain"));
    }

    private static Arguments violation(String name, Function<ArchitectureRules, ArchRule> rule, String offender) {
        return arguments(name, rule, offender);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void ruleFailsOnItsFixture(String name, Function<ArchitectureRules, ArchRule> rule, String offender) {
        ArchRule fixtureRule = rule.apply(ArchitectureRules.forRoot("io.metalkube.archfixture"));
        assertThatThrownBy(() -> fixtureRule.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
