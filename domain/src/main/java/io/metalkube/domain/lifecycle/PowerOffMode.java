package io.metalkube.domain.lifecycle;

/** Soft asks the operating system to shut down (or, for a reboot, restart) over ACPI; hard cuts (or resets) power. */
public enum PowerOffMode {
    SOFT, HARD
}
