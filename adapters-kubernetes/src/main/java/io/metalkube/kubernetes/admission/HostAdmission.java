package io.metalkube.kubernetes.admission;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.validation.HostValidator;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Every problem with a BareMetalHost being created, or changed from its old version (metal3-anchors.md §1.7). */
final class HostAdmission {

    private final HostValidator validator = new HostValidator();

    List<String> onCreate(BareMetalHost host) {
        List<String> problems = wireProblems(host);
        domain(host).ifPresent(h -> problems.addAll(validator.validate(h)));
        return distinct(problems);
    }

    List<String> onUpdate(BareMetalHost before, BareMetalHost after) {
        List<String> problems = wireProblems(after);
        var old = domain(before);
        var now = domain(after);
        if (old.isPresent() && now.isPresent()) {
            problems.addAll(validator.validateUpdate(old.get(), now.get()));
        } else {
            now.ifPresent(h -> problems.addAll(validator.validate(h)));
        }
        return distinct(problems);
    }

    private static List<String> wireProblems(BareMetalHost host) {
        List<String> problems = new ArrayList<>();
        MetadataChecks.check(host.getMetadata(), problems);
        HostWireChecks.check(host.getSpec(), problems);
        if (host.getMetadata() != null) {
            HostAnnotationChecks.check(host.getMetadata().getAnnotations(), problems);
        }
        return problems;
    }

    /** The domain view, or empty when metadata is too broken to name the host (already reported). */
    private static java.util.Optional<Host> domain(BareMetalHost host) {
        if (host.getMetadata() == null || host.getMetadata().getName() == null || host.getMetadata().getName().isEmpty()) {
            return java.util.Optional.empty();
        }
        if (host.getMetadata().getNamespace() == null) {
            host.getMetadata().setNamespace("");
        }
        return java.util.Optional.of(HostMapper.toDomain(host));
    }

    private static List<String> distinct(List<String> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }
}
