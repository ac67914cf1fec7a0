package io.metalkube.application.port.in;

import java.util.List;

/**
 * Machine status as the actuator reports it.
 *
 * @param hostName     the claimed host, or empty
 * @param phase        a short word for humans: Pending, Provisioning, Provisioned, Deleting, Failed
 * @param addresses    IP addresses from the host's NICs
 * @param errorReason  e.g. InvalidConfiguration; empty without error
 * @param errorMessage what went wrong and what to do; empty without error
 */
public record MachineStatus(String hostName, String phase, List<String> addresses, String errorReason, String errorMessage) {

    public MachineStatus {
        hostName = hostName == null ? "" : hostName;
        phase = phase == null ? "" : phase;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        errorReason = errorReason == null ? "" : errorReason;
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    public static MachineStatus empty() {
        return new MachineStatus("", "", List.of(), "", "");
    }
}
