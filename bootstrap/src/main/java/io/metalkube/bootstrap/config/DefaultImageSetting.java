package io.metalkube.bootstrap.config;

import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.WireNamed;
import io.metalkube.domain.validation.ImageRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads {@code metalkube.machines.default-image.*} into the image Machines without one provision; a wrong value stops startup. */
public final class DefaultImageSetting {

    static final String PREFIX = "metalkube.machines.default-image";

    private DefaultImageSetting() {
    }

    /** The site's default image, or empty when none is set. */
    public static Optional<Image> image(MetalkubeSettings.Machines.DefaultImage s) {
        if (s == null || (blank(s.getUrl()) && blank(s.getChecksum()) && blank(s.getChecksumType()) && blank(s.getFormat()))) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        ChecksumType checksumType = parse(ChecksumType.class, "checksum-type", s.getChecksumType(), problems);
        DiskFormat format = parse(DiskFormat.class, "format", s.getFormat(), problems);
        Image image = new Image(blank(s.getUrl()) ? "" : s.getUrl().strip(), blank(s.getChecksum()) ? "" : s.getChecksum().strip(),
                checksumType, format);
        problems.addAll(ImageRules.problems(PREFIX, image));
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(String.join("; ", problems) + ". Set " + PREFIX + ".url and " + PREFIX
                    + ".checksum (METALKUBE_MACHINES_DEFAULT_IMAGE_URL, ..._CHECKSUM), or remove all " + PREFIX + " settings");
        }
        return Optional.of(image);
    }

    private static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String key, String value, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        Optional<E> parsed = WireNamed.fromWire(type, value.strip());
        if (parsed.isEmpty()) {
            problems.add(PREFIX + "." + key + " \"" + value + "\" is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", ")));
        }
        return parsed.orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
