package io.metalkube.domain.host;

/** spec.rootDeviceHints: which disk receives the image. Null fields are unset. */
public record RootDeviceHints(String deviceName, String hctl, String model, String vendor, String serialNumber,
                              Integer minSizeGigabytes, String wwn, String wwnWithExtension, String wwnVendorExtension,
                              Boolean rotational) {

    public static RootDeviceHints none() {
        return new RootDeviceHints(null, null, null, null, null, null, null, null, null, null);
    }
}
