package io.metalkube.kubernetes.mapping;

import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.domain.host.HostId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chosen-host annotation and Machine status on the wire. */
class MachineMapperTest {

    @Test
    void chosenHostAnnotationParsesOnlyNamespaceSlashName() {
        assertThat(MachineMapper.chosenHost("default/worker-0")).contains(new HostId("default", "worker-0"));
        assertThat(MachineMapper.chosenHost(MachineMapper.chosenHost(new HostId("a", "b")))).contains(new HostId("a", "b"));
        for (String garbage : new String[]{"", "worker-0", "/worker-0", "default/", "a/b/c"}) {
            assertThat(MachineMapper.chosenHost(garbage)).as("'%s'", garbage).isEmpty();
        }
        assertThat(MachineMapper.chosenHost((String) null)).isEmpty();
    }

    @Test
    void statusRoundTripsAndKeepsTheNodeRef() {
        MachineStatus s = new MachineStatus("worker-0", "Provisioned", List.of("192.0.2.7", "2001:db8::7"), "", "");
        var previous = new io.metalkube.kubernetes.crd.MachineStatus();
        previous.nodeRef = new io.metalkube.kubernetes.crd.ObjectReference();
        previous.nodeRef.name = "node-7";
        var wire = MachineMapper.toWire(s, previous);
        assertThat(wire.addresses).extracting(a -> a.type + "=" + a.address).containsExactly("InternalIP=192.0.2.7", "InternalIP=2001:db8::7");
        assertThat(wire.errorReason).isNull();
        assertThat(wire.nodeRef.name).isEqualTo("node-7");
        assertThat(MachineMapper.status(wire)).isEqualTo(s);
        assertThat(MachineMapper.status(null)).isEqualTo(MachineStatus.empty());
    }
}
