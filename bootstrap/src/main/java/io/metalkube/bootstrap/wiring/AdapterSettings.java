package io.metalkube.bootstrap.wiring;

import io.metalkube.bootstrap.config.InvalidSettingException;
import io.metalkube.bootstrap.config.MetalkubeSettings;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.ScanSettings;
import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.driver.HardwareMode;
import io.metalkube.redfish.RedfishSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Translates {@code metalkube.ironic.*}, {@code metalkube.ipmi.*}, {@code metalkube.redfish.*} and {@code metalkube.discovery.*}
 * into the adapters' settings.
 */
final class AdapterSettings {

    private AdapterSettings() {
    }

    static IronicSettings ironic(MetalkubeSettings.Ironic s, int provisioningLimit) {
        if (s.getEndpoint() == null || s.getEndpoint().isBlank()) {
            throw new InvalidSettingException("metalkube.backend is ironic, but metalkube.ironic.endpoint is not set: "
                    + "give Ironic's API URL, e.g. http://ironic.metalkube.svc:6385");
        }
        URI endpoint;
        try {
            endpoint = new URI(s.getEndpoint().trim());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("metalkube.ironic.endpoint \"" + s.getEndpoint() + "\" is not a URL: " + e.getMessage());
        }
        IronicSettings settings;
        try {
            settings = IronicSettings.defaults(endpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("metalkube.ironic.endpoint: " + e.getMessage());
        }
        settings = settings.withProvisioningLimit(provisioningLimit)
                .withTimeouts(s.getConnectTimeout(), s.getRequestTimeout())
                .withIpmiCipherSuite(s.getCipherSuite())
                .withHardwareMode(hardwareMode(s.getHardwareMode()))
                .withInsecureTls(s.isInsecureSkipTlsVerify());
        if (s.getDeployKernelUrl() != null || s.getDeployRamdiskUrl() != null) {
            settings = settings.withDeployRamdisk(s.getDeployKernelUrl(), s.getDeployRamdiskUrl());
        }
        if (s.getCaFile() != null && !s.getCaFile().isBlank()) {
            Path ca = Path.of(s.getCaFile());
            if (!Files.isReadable(ca)) {
                throw new InvalidSettingException("metalkube.ironic.ca-file " + ca + " cannot be read; mount the CA bundle there "
                        + "(deploy/: the metalkube-ironic Secret) or unset the setting");
            }
            settings = settings.withCaBundle(ca);
        }
        return switch (s.getAuth() == null ? "noauth" : s.getAuth().trim().toLowerCase(Locale.ROOT)) {
            case "noauth", "none", "" -> settings;
            case "http_basic" -> settings.withBasicAuth(required(s.getUsername(), "metalkube.ironic.username"), password(s));
            default -> throw new InvalidSettingException("metalkube.ironic.auth is \"" + s.getAuth() + "\": use noauth or http_basic");
        };
    }

    static IpmiSettings ipmi(MetalkubeSettings.Ipmi s) {
        try {
            return IpmiSettings.defaults().withTimeouts(s.getAttemptTimeout(), s.getAttempts()).withDefaultCipherSuite(s.getCipherSuite());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("metalkube.ipmi: " + e.getMessage());
        }
    }

    static RedfishSettings redfish(MetalkubeSettings.Redfish s) {
        RedfishSettings settings;
        try {
            settings = RedfishSettings.defaults().withTimeouts(s.getConnectTimeout(), s.getReadTimeout()).withActionTimeout(s.getActionTimeout())
                    .withTaskTimeout(s.getTaskTimeout()).withRetries(s.getRetries(), s.getRetryBackoff())
                    .withPowerChangeGrace(s.getPowerChangeGrace()).withAuthFailureHold(s.getAuthFailureHold());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingException("metalkube.redfish: " + e.getMessage() + " (connect-timeout, read-timeout, action-timeout,"
                    + " task-timeout, retry-backoff and power-change-grace must be positive; retries and auth-failure-hold not negative)");
        }
        if (s.getCaFile() != null && !s.getCaFile().isBlank()) {
            Path ca = Path.of(s.getCaFile());
            if (!Files.isReadable(ca)) {
                throw new InvalidSettingException("metalkube.redfish.ca-file " + ca + " cannot be read; mount the BMC CA bundle there or unset the setting");
            }
            settings = settings.withCaBundle(ca);
        }
        return settings;
    }

    static ScanSettings scan(MetalkubeSettings.Discovery s) {
        if (s.getRanges().isEmpty()) {
            throw new InvalidSettingException("metalkube.discovery.enabled is true, but metalkube.discovery.ranges is empty: "
                    + "list the BMC networks to scan, e.g. [\"10.0.0.0/24\"]");
        }
        return ScanSettings.of(s.getRanges());
    }

    private static HardwareMode hardwareMode(String mode) {
        try {
            return HardwareMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingException("metalkube.ironic.hardware-mode is \"" + mode + "\": use real, fake or fake_with_ipmitool_power");
        }
    }

    private static String password(MetalkubeSettings.Ironic s) {
        Path file = Path.of(required(s.getPasswordFile(), "metalkube.ironic.password-file"));
        try {
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new InvalidSettingException("metalkube.ironic.password-file " + file + " is empty");
            }
            return password;
        } catch (IOException e) {
            throw new InvalidSettingException("metalkube.ironic.password-file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); mount the metalkube-ironic Secret there");
        }
    }

    private static String required(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(setting + " is required with metalkube.ironic.auth http_basic");
        }
        return value;
    }
}
