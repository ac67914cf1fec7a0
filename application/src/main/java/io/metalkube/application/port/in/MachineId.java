package io.metalkube.application.port.in;

/** Identity of a Machine (or any other consumer object). */
public record MachineId(String namespace, String name) {

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
