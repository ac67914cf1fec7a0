package io.metalkube.domain.lifecycle;

/** Soft asks the operating system to shut down (ACPI); hard cuts power. */
public enum PowerOffMode {
    SOFT, HARD
}
