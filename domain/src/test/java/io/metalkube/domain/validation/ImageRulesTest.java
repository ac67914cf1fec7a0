package io.metalkube.domain.validation;

import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRulesTest {

    @Test
    void aUrlAndAChecksumMakeAProvisionableImage() {
        assertThat(ImageRules.problems("x", Image.of("https://i/os.qcow2", "abc"))).isEmpty();
        assertThat(ImageRules.problems("x", Image.of("oci://registry/os:1", ""))).isEmpty();
        assertThat(ImageRules.problems("x", new Image("http://i/live.iso", "", null, DiskFormat.LIVE_ISO))).isEmpty();
    }

    @Test
    void eachProblemNamesTheField() {
        assertThat(ImageRules.problems("spec.image", Image.of("", "abc"))).containsExactly("spec.image.url is required");
        assertThat(ImageRules.problems("spec.image", Image.of("ftp://i/os", "")))
                .anyMatch(p -> p.startsWith("spec.image.url \"ftp://i/os\" is not"))
                .anyMatch(p -> p.startsWith("spec.image.checksum is required"));
    }
}
