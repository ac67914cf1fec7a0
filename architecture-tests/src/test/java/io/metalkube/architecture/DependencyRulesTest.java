package io.metalkube.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rules hold for MetalKube's production code, in every module on the classpath. */
class DependencyRulesTest {

    /** Classes Micronaut generates at compile time (bean definitions, introspections) are not ours to shape. */
    static final ImportOption NOT_GENERATED = location ->
            !Pattern.compile("\\$[A-Za-z0-9_]+\\$(Definition|Introspection)").matcher(location.toString()).find();

    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .withImportOption(NOT_GENERATED)
                .importPackages("io.metalkube");
    }

    static List<ArchRule> rules() {
        return ArchitectureRules.forRoot("io.metalkube").all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollows(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void everyLayerIsOnTheClasspath() {
        for (String layer : List.of("domain", "application", "ipmi", "redfish", "ironic", "kubernetes", "bootstrap")) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("io.metalkube." + layer)))
                    .as("classes of io.metalkube.%s were imported (an empty layer would make its rules vacuous)", layer)
                    .isTrue();
        }
    }
}
