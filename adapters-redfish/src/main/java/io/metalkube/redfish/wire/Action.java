package io.metalkube.redfish.wire;

import java.util.List;

/**
 * One action of a resource: {@code Actions."#Type.Name".target} and, when the service lists them, the allowed
 * values of its parameter ({@code <Param>@Redfish.AllowableValues}, DSP0266 §9.8.1). An empty list means the
 * service did not say, so every value of the schema's enum may be tried (as sushy does).
 */
public record Action(String target, List<String> allowableValues) {

    public Action {
        allowableValues = List.copyOf(allowableValues);
    }

    public boolean allows(String value) {
        return allowableValues.isEmpty() || allowableValues.contains(value);
    }

    static Action read(Fields resource, String actionName, String parameter) {
        Fields actions = resource.object("Actions");
        Fields action = actions == null ? null : actions.object(actionName);
        if (action == null) {
            return null;
        }
        String target = action.text("target");
        if (target == null) {
            throw new RedfishDecodeException(action.where() + " has no \"target\"");
        }
        return new Action(target, parameter == null ? List.of() : action.texts(parameter + "@Redfish.AllowableValues"));
    }
}
