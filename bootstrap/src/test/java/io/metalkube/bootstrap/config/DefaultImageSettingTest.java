package io.metalkube.bootstrap.config;

import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code metalkube.machines.default-image.*}: binds from the keys application.yml documents; a wrong value stops startup. */
class DefaultImageSettingTest {

    private static MetalkubeSettings.Machines.DefaultImage setting(String url, String checksum, String type, String format) {
        MetalkubeSettings.Machines.DefaultImage s = new MetalkubeSettings.Machines.DefaultImage();
        s.setUrl(url);
        s.setChecksum(checksum);
        s.setChecksumType(type);
        s.setFormat(format);
        return s;
    }

    @Test
    void theDocumentedKeysBindToTheImage() {
        Map<String, Object> props = Map.of(
                "metalkube.machines.default-image.url", "http://images.example/os.qcow2",
                "metalkube.machines.default-image.checksum", "0123abcd",
                "metalkube.machines.default-image.checksum-type", "sha256",
                "metalkube.machines.default-image.format", "qcow2");
        try (ApplicationContext ctx = ApplicationContext.run(props, "memory")) {
            Image image = DefaultImageSetting.image(ctx.getBean(MetalkubeSettings.Machines.DefaultImage.class)).orElseThrow();

            assertThat(image).isEqualTo(new Image("http://images.example/os.qcow2", "0123abcd", ChecksumType.SHA256, DiskFormat.QCOW2));
        }
    }

    @Test
    void unsetMeansNoDefault() {
        assertThat(DefaultImageSetting.image(setting(null, null, null, null))).isEmpty();
        assertThat(DefaultImageSetting.image(setting(" ", "", null, null))).isEmpty();
    }

    @Test
    void aChecksumFileUrlIsAcceptedAsMetal3Does() {
        assertThat(DefaultImageSetting.image(setting("http://i/os.qcow2", "http://i/os.qcow2.md5sum", null, null)))
                .contains(Image.of("http://i/os.qcow2", "http://i/os.qcow2.md5sum"));
    }

    @Test
    void aWrongSettingNamesTheKeyAndWhatToDo() {
        assertThatThrownBy(() -> DefaultImageSetting.image(setting(null, "abc", null, null)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("metalkube.machines.default-image.url is required");
        assertThatThrownBy(() -> DefaultImageSetting.image(setting("http://i/os.qcow2", null, null, null)))
                .hasMessageContaining("metalkube.machines.default-image.checksum is required");
        assertThatThrownBy(() -> DefaultImageSetting.image(setting("ftp://i/os.qcow2", "abc", "crc32", "iso")))
                .hasMessageContaining("not an http(s), file or oci URL")
                .hasMessageContaining("checksum-type \"crc32\" is not one of md5, sha256, sha512, auto")
                .hasMessageContaining("format \"iso\" is not one of raw, qcow2, vdi, vmdk, live-iso");
    }
}
