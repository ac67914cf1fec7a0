package io.metalkube.domain.bmc;

/**
 * What a BMC driver can do, so validation and back-ends can ask instead of switching on schemes.
 *
 * @param needsBootMac   the host must declare bootMACAddress (libvirt's virtual BMCs cannot report it)
 * @param virtualMedia   boots from a virtual-media ISO instead of the network
 * @param uefiHttpBoot   boots an ISO by UEFI HTTP boot, the BMC handing the firmware its URL (metal3's
 *                       {@code redfish-uefihttp}); like virtual media, it needs no provisioning network
 * @param secureBoot     supports UEFISecureBoot
 * @param directIpmi     usable by MetalKube's own IPMI back-end without Ironic
 */
public record BmcCapabilities(boolean needsBootMac, boolean virtualMedia, boolean uefiHttpBoot, boolean secureBoot, boolean directIpmi) {
}
