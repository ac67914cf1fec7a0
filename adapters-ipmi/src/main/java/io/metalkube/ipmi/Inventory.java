package io.metalkube.ipmi;

import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.ipmi.command.FruInventory;
import io.metalkube.ipmi.command.GetDeviceId;
import io.metalkube.ipmi.error.BmcProtocolException;
import io.metalkube.ipmi.error.CompletionCodeException;
import io.metalkube.ipmi.session.IpmiSession;
import io.metalkube.ipmi.wire.IpmiDecodeException;

/** Maps Get Device ID and the FRU inventory to the host's hardware details; a BMC without FRU data still yields firmware. */
final class Inventory {

    private Inventory() {
    }

    static HardwareDetails read(IpmiSession s) {
        GetDeviceId.DeviceId id = BmcOperations.deviceId(s);
        FruInventory fru = null;
        try {
            fru = BmcOperations.fru(s);
        } catch (CompletionCodeException | BmcProtocolException | IpmiDecodeException e) {
            System.getLogger(Inventory.class.getName()).log(System.Logger.Level.INFO,
                    "BMC " + s.bmc() + " has no readable FRU inventory (" + e.getMessage() + "); reporting Device ID data only");
        }
        return toDetails(id, fru);
    }

    static HardwareDetails toDetails(GetDeviceId.DeviceId id, FruInventory fru) {
        String manufacturer = fru == null ? null : first(fru.productManufacturer(), fru.boardManufacturer());
        String product = fru == null ? null : first(fru.productName(), fru.boardProductName());
        String serial = fru == null ? null : first(fru.productSerial(), fru.boardSerial());
        if (manufacturer == null) {
            manufacturer = "IANA enterprise " + id.manufacturerId();
        }
        if (product == null) {
            product = String.format("product %04x", id.productId());
        }
        return new HardwareDetails(new HardwareDetails.SystemVendor(manufacturer, product, serial),
                new HardwareDetails.Firmware(null, id.firmwareVersion()), null, null, null, null, null);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
