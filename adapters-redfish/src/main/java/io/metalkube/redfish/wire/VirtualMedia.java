package io.metalkube.redfish.wire;

import java.util.List;
import java.util.Locale;

/**
 * A VirtualMedia device (schema VirtualMedia v1_x, redfish.md §5): what it can hold, what it holds and its
 * InsertMedia / EjectMedia actions (absent on older firmware, which PATCHes {@code Image} instead).
 */
public record VirtualMedia(String odataId, String id, List<String> mediaTypes, String image, Boolean inserted,
                           Action insert, Action eject, String etag) {

    public VirtualMedia {
        mediaTypes = List.copyOf(mediaTypes);
    }

    public static VirtualMedia decode(byte[] body) {
        Fields f = Fields.parse(body, "VirtualMedia");
        return new VirtualMedia(f.text("@odata.id"), f.text("Id"), f.texts("MediaTypes"), f.text("Image"), f.bool("Inserted"),
                Action.read(f, "#VirtualMedia.InsertMedia", null), Action.read(f, "#VirtualMedia.EjectMedia", null), f.text("@odata.etag"));
    }

    /** Takes a CD or DVD image (DVD-only devices exist: Ironic 766d2804). */
    public boolean takesCd() {
        return mediaTypes.stream().map(t -> t.toUpperCase(Locale.ROOT)).anyMatch(t -> t.equals("CD") || t.equals("DVD"));
    }

    /** Something is in the drive: {@code Inserted} true, or an image URL with no Inserted property. */
    public boolean holdsMedia() {
        return Boolean.TRUE.equals(inserted) || inserted == null && image != null && !image.isBlank();
    }

    public boolean holds(String url) {
        return holdsMedia() && url.equals(image);
    }
}
