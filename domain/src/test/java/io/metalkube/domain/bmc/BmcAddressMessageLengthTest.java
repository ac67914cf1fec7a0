package io.metalkube.domain.bmc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A hostile or mistaken 70 kB address still gives a short message (it lands in status.errorMessage and events). */
class BmcAddressMessageLengthTest {

    private static final String LONG = "a".repeat(70_000);

    @ParameterizedTest
    @ValueSource(strings = {"ipmi://%s.example", "gopher://%s", "ipmi://%s:99999", "ipmi://[%s", "%s://"})
    void everyKindOfFailureQuotesAtMostAHundredAndTwentyCharactersOfTheAddress(String template) {
        String address = template.formatted(LONG);

        BmcAddressException e = catchThrowableOfType(BmcAddressException.class, () -> BmcAddress.parse(address));

        assertThat(e).as(template).isNotNull();
        assertThat(e.getMessage()).as(template).hasSizeLessThan(1_000).contains("characters)");
        assertThat(e.address()).as("the full address stays available to callers").hasSizeGreaterThan(70_000);
    }
}
