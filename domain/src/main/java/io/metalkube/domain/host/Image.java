package io.metalkube.domain.host;

import java.util.Objects;

/**
 * spec.image: what to write to the host's disk. Setting it (with online) provisions; clearing or changing it deprovisions.
 *
 * @param checksum     the checksum value or a URL of a checksum file; may be empty for live-iso images
 * @param checksumType null means the back-end's default (md5 in metal3)
 * @param format       null means the back-end decides (qcow2 or raw)
 */
public record Image(String url, String checksum, ChecksumType checksumType, DiskFormat format) {

    public Image {
        Objects.requireNonNull(url, "url");
        checksum = checksum == null ? "" : checksum;
    }

    public static Image of(String url, String checksum) {
        return new Image(url, checksum, null, null);
    }

    public boolean hasUrl() {
        return !url.isBlank();
    }
}
