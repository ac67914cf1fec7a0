package io.metalkube.domain.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden table of metal3's wire names (metal3-anchors.md §1.2, §1.4, §1.8.2): what we read and what we write. */
class WireNamesTest {

    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                          | NONE
            unmanaged                   | UNMANAGED
            registering                 | REGISTERING
            match profile               | MATCH_PROFILE
            inspecting                  | INSPECTING
            preparing                   | PREPARING
            available                   | AVAILABLE
            provisioning                | PROVISIONING
            provisioned                 | PROVISIONED
            externally provisioned      | EXTERNALLY_PROVISIONED
            deprovisioning              | DEPROVISIONING
            powering off before delete  | POWERING_OFF_BEFORE_DELETE
            deleting                    | DELETING
            """)
    void provisioningStates(String wire, ProvisioningState state) {
        assertThat(ProvisioningState.fromWire(wire)).contains(state);
        assertThat(state.wireName()).isEqualTo(wire);
    }

    @Test
    void readyIsReadAsAvailableButNeverWritten() {
        assertThat(ProvisioningState.fromWire("ready")).contains(ProvisioningState.AVAILABLE);
        assertThat(ProvisioningState.AVAILABLE.wireName()).isEqualTo("available");
        assertThat(ProvisioningState.fromWire(null)).contains(ProvisioningState.NONE);
        assertThat(ProvisioningState.fromWire("Available")).isEmpty();
        assertThat(ProvisioningState.fromWire("bogus")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OK          | OK
            discovered  | DISCOVERED
            error       | ERROR
            delayed     | DELAYED
            detached    | DETACHED
            """)
    void operationalStatuses(String wire, OperationalStatus status) {
        assertThat(OperationalStatus.fromWire(wire)).contains(status);
        assertThat(status.wireName()).isEqualTo(wire);
    }

    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            registration error              | REGISTRATION              | RegistrationError
            provisioned registration error  | PROVISIONED_REGISTRATION  | ProvisionedRegistrationError
            inspection error                | INSPECTION                | InspectionError
            preparation error               | PREPARATION               | PreparationError
            provisioning error              | PROVISIONING              | ProvisioningError
            power management error          | POWER_MANAGEMENT          | PowerManagementError
            detach error                    | DETACH                    | DetachError
            """)
    void errorTypes(String wire, ErrorType type, String eventReason) {
        assertThat(ErrorType.fromWire(wire)).contains(type);
        assertThat(type.wireName()).isEqualTo(wire);
        assertThat(type.eventReason()).isEqualTo(eventReason);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            md5       | sha256   | raw      | UEFI            | metadata
            sha256    | sha512   | qcow2    | UEFISecureBoot  | disabled
            sha512    | auto     | vdi      | legacy          | metadata
            auto      | md5      | vmdk     | UEFI            | disabled
            md5       | md5      | live-iso | legacy          | metadata
            """)
    void specEnumsRoundTrip(String checksum, String otherChecksum, String format, String bootMode, String cleaning) {
        assertThat(ChecksumType.fromWire(checksum)).get().extracting(ChecksumType::wireName).isEqualTo(checksum);
        assertThat(ChecksumType.fromWire(otherChecksum)).get().extracting(ChecksumType::wireName).isEqualTo(otherChecksum);
        assertThat(DiskFormat.fromWire(format)).get().extracting(DiskFormat::wireName).isEqualTo(format);
        assertThat(BootMode.fromWire(bootMode)).get().extracting(BootMode::wireName).isEqualTo(bootMode);
        assertThat(AutomatedCleaningMode.fromWire(cleaning)).get().extracting(AutomatedCleaningMode::wireName).isEqualTo(cleaning);
    }

    @Test
    void unknownSpecValuesAreNotGuessed() {
        assertThat(ChecksumType.fromWire("SHA256")).isEmpty();
        assertThat(DiskFormat.fromWire("iso")).isEmpty();
        assertThat(BootMode.fromWire("uefi")).isEmpty();
        assertThat(AutomatedCleaningMode.fromWire(null)).isEmpty();
    }

    @Test
    void errorsCountUpAndSuccessClearsThemButKeepsOtherOperationalStatuses() {
        HostStatus failed = HostStatus.initial().withError(ErrorType.INSPECTION, "no agent").withError(ErrorType.INSPECTION, "again");
        HostStatus delayed = failed.withoutError().withOperationalStatus(OperationalStatus.DELAYED);

        assertThat(failed.errorCount()).isEqualTo(2);
        assertThat(failed.operationalStatus()).isEqualTo(OperationalStatus.ERROR);
        assertThat(failed.withoutError().operationalStatus()).isEqualTo(OperationalStatus.OK);
        assertThat(delayed.withoutError().operationalStatus()).isEqualTo(OperationalStatus.DELAYED);
        assertThat(HostStatus.initial().isEmpty()).isTrue();
        assertThat(failed.sameAs(failed.withLastUpdated(Instant.EPOCH))).isTrue();
        assertThatThrownBy(() -> new HostStatus(null, null, null, null, -1, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
