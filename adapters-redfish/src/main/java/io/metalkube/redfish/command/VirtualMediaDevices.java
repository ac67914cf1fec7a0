package io.metalkube.redfish.command;

import io.metalkube.redfish.error.RedfishHttpException;
import io.metalkube.redfish.error.RedfishProtocolException;
import io.metalkube.redfish.session.RedfishSession;
import io.metalkube.redfish.wire.Bodies;
import io.metalkube.redfish.wire.ComputerSystem;
import io.metalkube.redfish.wire.Manager;
import io.metalkube.redfish.wire.VirtualMedia;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual media (redfish.md §5): CD/DVD devices are looked up under the System ({@code Systems/{id}/VirtualMedia},
 * iDRAC ≥ 6 and sushy-tools) and else under each of its managers (classic iLO, Supermicro). Eject always sends a
 * JSON body ({@code {}}: iLO answers 415 without one); insert tries the full body, then {@code Image}+{@code Inserted},
 * then {@code Image} alone (Lenovo XCC, Supermicro X11), and falls back to PATCH where a device has no actions (iLO 4).
 */
public final class VirtualMediaDevices {

    private VirtualMediaDevices() {
    }

    /** The system's CD/DVD devices, read fresh (inserted state included). */
    public static List<VirtualMedia> cdDevices(RedfishSession session, ComputerSystem system) {
        List<String> collections = new ArrayList<>();
        if (system.virtualMedia() != null) {
            collections.add(system.virtualMedia());
        } else {
            for (String manager : system.managers()) {
                String vm = Manager.decode(session.get(manager).body()).virtualMedia();
                if (vm != null) {
                    collections.add(vm);
                }
            }
        }
        List<VirtualMedia> devices = new ArrayList<>();
        for (String collection : collections) {
            for (String member : Members.ofOptional(session, collection, "VirtualMedia collection")) {
                VirtualMedia vm = VirtualMedia.decode(session.get(member).body());
                if (vm.takesCd()) {
                    devices.add(vm.odataId() == null ? withId(vm, member) : vm);
                }
            }
        }
        return List.copyOf(devices);
    }

    public static VirtualMedia firstCd(RedfishSession session, ComputerSystem system) {
        List<VirtualMedia> devices = cdDevices(session, system);
        if (devices.isEmpty()) {
            throw new RedfishProtocolException(session.bmc(), "system " + system.odataId() + " has no virtual CD/DVD device"
                    + " (looked under the system and its managers); live-iso needs one");
        }
        return devices.getFirst();
    }

    public static void eject(RedfishSession session, VirtualMedia device) {
        if (device.eject() != null) {
            session.action(device.eject().target(), Bodies.empty(), null);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", null);
        body.put("Inserted", false);
        session.patch(device.odataId(), Bodies.of(body));
    }

    public static void insert(RedfishSession session, VirtualMedia device, String imageUrl, Duration timeout) {
        if (device.insert() == null) {
            session.patch(device.odataId(), Bodies.of(ordered("Image", imageUrl, "Inserted", true)));
            return;
        }
        List<Map<String, Object>> bodies = List.of(
                ordered("Image", imageUrl, "Inserted", true, "WriteProtected", true),
                ordered("Image", imageUrl, "Inserted", true),
                ordered("Image", imageUrl));
        for (int i = 0; ; i++) {
            try {
                session.action(device.insert().target(), Bodies.of(bodies.get(i)), timeout);
                return;
            } catch (RedfishHttpException e) {
                if (e.status() != 400 || i == bodies.size() - 1 || !namesAParameter(e.bmcAnswer())) {
                    throw e;
                }
            }
        }
    }

    /** A 400 that complains about a parameter (ActionParameterUnknown, PropertyUnknown…) is worth a smaller body. */
    private static boolean namesAParameter(String answer) {
        return answer.contains("Parameter") || answer.contains("Property") || answer.contains("Inserted") || answer.contains("WriteProtected");
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static VirtualMedia withId(VirtualMedia vm, String uri) {
        return new VirtualMedia(uri, vm.id(), vm.mediaTypes(), vm.image(), vm.inserted(), vm.insert(), vm.eject(), vm.etag());
    }
}
