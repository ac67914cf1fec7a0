package io.metalkube.redfish.wire;

/** A Task (DSP0266 §12.2, schema Task) as a task monitor may return it while the operation runs. */
public record Task(String id, String taskState, String taskStatus, Long percentComplete) {

    public static Task decode(byte[] body) {
        Fields f = Fields.parse(body, "Task");
        return new Task(f.text("Id"), f.text("TaskState"), f.text("TaskStatus"), f.integer("PercentComplete"));
    }
}
