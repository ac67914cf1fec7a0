package io.metalkube.redfish.wire;

import java.util.List;

/** Storage (schema Storage): a storage subsystem and the links to its Drives. */
public record Storage(String id, List<String> drives) {

    public Storage {
        drives = List.copyOf(drives);
    }

    public static Storage decode(byte[] body) {
        Fields f = Fields.parse(body, "Storage");
        return new Storage(f.text("Id"), f.links("Drives"));
    }
}
