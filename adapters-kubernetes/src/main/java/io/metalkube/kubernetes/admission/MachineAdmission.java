package io.metalkube.kubernetes.admission;

import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.mapping.ProviderConfigReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem with a Machine: its metadata, and its provider config read exactly as the Machine controller reads
 * it (so a config the webhook admits is one the controller can act on).
 */
final class MachineAdmission {

    List<String> check(Machine machine) {
        List<String> problems = new ArrayList<>();
        MetadataChecks.check(machine.getMetadata(), problems);
        String namespace = machine.getMetadata() == null || machine.getMetadata().getNamespace() == null ? ""
                : machine.getMetadata().getNamespace();
        String name = machine.getMetadata() == null || machine.getMetadata().getName() == null ? "" : machine.getMetadata().getName();
        ConsumerRef consumer = new ConsumerRef(Machine.API_VERSION, Machine.KIND, namespace, name.isEmpty() ? "unnamed" : name);
        if (ProviderConfigReader.read(machine.getSpec(), consumer, namespace) instanceof ProviderConfig.Invalid invalid) {
            problems.add(invalid.message());
        }
        return problems;
    }
}
