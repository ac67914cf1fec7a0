package io.metalkube.domain.bmc;

/**
 * One URL scheme a BMC address may use, e.g. {@code redfish+http}.
 *
 * @param name      the scheme as written, lower case
 * @param driver    the driver family it selects
 * @param transport how the BMC is reached
 */
public record BmcScheme(String name, BmcDriver driver, Transport transport) {
}
