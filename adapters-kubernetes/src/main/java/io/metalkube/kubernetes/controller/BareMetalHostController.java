package io.metalkube.kubernetes.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.admission.AdmissionChecks;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.mapping.HostMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.store.SecretCredentialsLookup;
import io.metalkube.kubernetes.support.ApiRateLimiter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Driving adapter: the BareMetalHost controller. Hands each host to the ReconcileHost use case; credentials
 * Secrets (labelled by {@link SecretCredentialsLookup}) are a secondary source, so a changed Secret reconciles every
 * host that names it, which re-registers it. Malformed annotations (and values it reads leniently, as the webhook's
 * annotation rules find them) are reported once per value as Warning events; a paused host gets its status backed
 * up in metal3's status annotation; a spec the webhook would have denied is reported in the status
 * ({@link InvalidSpecGuard}) and the use case is not run until it is fixed; a host that cannot be read at all is
 * reported and backed off ({@link UnreadableHostGuard}), never thrown at JOSDK.
 * <p>
 * The finalizer is this controller's, not JOSDK's (java-operator-sdk runs it with triggerReconcilerOnAllEvents):
 * JOSDK would add it before any reconcile, so a paused host would get it back the moment {@code clusterctl move}
 * removed it, and that host could never be deleted from the source cluster. Here, as in metal3, a paused host is left
 * exactly as it is; any other host gets the finalizer just before its first back-end call
 * ({@link KubernetesHostStore#holdForCleanup}), and one that still carries metal3's
 * ({@value KubernetesHostStore#METAL3_FINALIZER}, a host migrated from metal3) is adopted at once: metal3's goes as
 * ours comes. A host being deleted is cleaned up if it carries either; one with neither never reached the back-end.
 */
public final class BareMetalHostController implements Reconciler<BareMetalHost> {

    static final String BY_CREDENTIALS = "bmh-by-credentials-secret";

    private final ReconcileHostUseCase hosts;
    private final KubernetesHostStore store;
    private final KubernetesEvents events;
    private final Map<HostId, Set<String>> reported = new ConcurrentHashMap<>();
    private final InformerCaches caches;
    private final Object owner;
    private final InvalidSpecGuard invalidSpec;
    private final SlotWaiters slotWaiters = new SlotWaiters();
    /** Half the reconcile threads at most work on enrolling hosts at once (the rest stay free for hosts that progress). */
    private final EnrolmentGate enrolment = new EnrolmentGate(10);
    private final UnreadableHostGuard unreadable;

    /** {@code caches}/{@code owner}: this controller's primary cache and Secret cache are shared with the stores. */
    public BareMetalHostController(ReconcileHostUseCase hosts, KubernetesHostStore store, KubernetesEvents events,
                                   InformerCaches caches, Object owner) {
        this.hosts = hosts;
        this.store = store;
        this.events = events;
        this.caches = caches;
        this.owner = owner;
        this.invalidSpec = new InvalidSpecGuard(store, events, Clock.systemUTC());
        this.unreadable = new UnreadableHostGuard(store, events, Clock.systemUTC());
    }

    @Override
    public List<EventSource<?, BareMetalHost>> prepareEventSources(EventSourceContext<BareMetalHost> context) {
        context.getPrimaryCache().addIndexer(BY_CREDENTIALS, h -> {
            String secret = h.getSpec() == null || h.getSpec().bmc == null ? null : h.getSpec().bmc.credentialsName;
            return secret == null || secret.isBlank() ? List.of() : List.of(secret + "#" + h.getMetadata().getNamespace());
        });
        var config = InformerEventSourceConfiguration.from(Secret.class, BareMetalHost.class)
                .withName("credentials-secrets")
                .withLabelSelector(SecretCredentialsLookup.LABEL + "=" + SecretCredentialsLookup.LABEL_VALUE)
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCache.store(context.getControllerConfiguration().getEffectiveNamespaces()))
                .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
                        .byIndex(BY_CREDENTIALS, secret.getMetadata().getName() + "#" + secret.getMetadata().getNamespace())
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper((BareMetalHost h) -> h.getSpec() == null || h.getSpec().bmc == null
                        || h.getSpec().bmc.credentialsName == null ? Set.of()
                        : Set.of(new ResourceID(h.getSpec().bmc.credentialsName, h.getMetadata().getNamespace())))
                .build();
        InformerEventSource<Secret, BareMetalHost> secrets = new InformerEventSource<>(config, context);
        caches.bindHosts(owner, context.getPrimaryCache());
        caches.bindSecrets(owner, secrets);
        return List.of(secrets, slotWaiters.eventSource());
    }

    @Override
    public UpdateControl<BareMetalHost> reconcile(BareMetalHost cr, Context<BareMetalHost> context) throws Exception {
        HostId id = HostMapper.id(cr);
        if (context.isPrimaryResourceDeleted() || context.isPrimaryResourceFinalStateUnknown()) {
            reported.remove(id);
            slotWaiters.observed(id, state(cr), Optional.empty());
            return UpdateControl.noUpdate();
        }
        if (cr.isMarkedForDeletion()) {
            return cr.hasFinalizer(KubernetesHostStore.FINALIZER) || cr.hasFinalizer(KubernetesHostStore.METAL3_FINALIZER)
                    ? cleanup(cr) : UpdateControl.noUpdate();
        }
        if (!cr.hasFinalizer(KubernetesHostStore.FINALIZER) || cr.hasFinalizer(KubernetesHostStore.METAL3_FINALIZER)) {
            if (isPaused(cr)) {
                // metal3 looks at the paused annotation before it adds its finalizer: clusterctl move removes it
                store.backUpStatus(id);
                return UpdateControl.noUpdate();
            }
            if (cr.hasFinalizer(KubernetesHostStore.METAL3_FINALIZER)) {
                store.takeFinalizer(cr); // the write is an event: the host is reconciled again with ours on
                return UpdateControl.noUpdate();
            }
        }
        return reconcileLive(cr);
    }

    private static boolean isPaused(BareMetalHost cr) {
        Map<String, String> annotations = cr.getMetadata().getAnnotations();
        return annotations != null && annotations.get(HostAnnotationCodec.PAUSED) != null;
    }

    private UpdateControl<BareMetalHost> reconcileLive(BareMetalHost cr) throws Exception {
        ApiRateLimiter.Priority priority = priority(cr);
        boolean enrolling = priority == ApiRateLimiter.Priority.LOW;
        if (enrolling && !enrolment.tryEnter()) {
            return UpdateControl.<BareMetalHost>noUpdate().rescheduleAfter(enrolment.retryAfter().toMillis());
        }
        UpdateControl<BareMetalHost> control;
        try {
            control = ApiRateLimiter.withPriority(priority, () -> {
                try {
                    return reconcileReadable(cr);
                } catch (UnreadableFieldException e) {
                    return UpdateControl.<BareMetalHost>noUpdate().rescheduleAfter(unreadable.report(cr, e).toMillis());
                }
            });
        } finally {
            if (enrolling) {
                enrolment.exit();
            }
        }
        HostId id = HostMapper.id(cr);
        slotWaiters.observed(id, state(cr), current(id));
        return control;
    }

    /**
     * The API budget goes to hosts that progress: a new host, or one still to register (registering takes no
     * provisioning slot), waits behind every other request; the rest (a registered host about to take a slot, a
     * delayed one that may take one now, one in a slot, one being polled) goes first (see {@link ApiRateLimiter}).
     */
    static ApiRateLimiter.Priority priority(BareMetalHost cr) {
        String state = state(cr);
        boolean enrolling = state.isEmpty() || state.equals("registering") && !registered(cr.getStatus());
        return enrolling ? ApiRateLimiter.Priority.LOW : ApiRateLimiter.Priority.HIGH;
    }

    /**
     * Registered, and waiting for (or about to take) a provisioning slot: delayed, or {@code HostStatus.registered()}
     * read off the wire status (the priority is decided before the host is mapped, and for hosts that cannot be).
     */
    private static boolean registered(BareMetalHostStatus status) {
        return "delayed".equals(status.operationalStatus) || status.goodCredentials != null
                && !"registration error".equals(status.errorType) && !"provisioned registration error".equals(status.errorType);
    }

    /** The host as the cache has it now (empty if gone or unreadable: it holds no slot then). */
    private Optional<Host> current(HostId id) {
        try {
            return store.find(id);
        } catch (UnreadableFieldException e) {
            return Optional.empty();
        }
    }

    private static String state(BareMetalHost cr) {
        var status = cr.getStatus();
        return status == null || status.provisioning == null || status.provisioning.state == null ? "" : status.provisioning.state;
    }

    private UpdateControl<BareMetalHost> reconcileReadable(BareMetalHost cr) {
        HostId id = HostMapper.id(cr);
        HostAnnotationCodec.Parsed parsed = HostAnnotationCodec.parse(cr.getMetadata().getAnnotations());
        List<String> annotationProblems = new ArrayList<>(parsed.problems());
        annotationProblems.addAll(HostMapper.nullLabels(cr));
        annotationProblems.addAll(AdmissionChecks.annotationValueProblems(cr.getMetadata().getAnnotations()));
        reportProblems(id, annotationProblems);
        HostMapper.toDomain(cr, parsed); // throws what cannot be read before anything is done
        if (!unreadable.clearOwnError(cr)) {
            return UpdateControl.<BareMetalHost>noUpdate().rescheduleAfter(UnreadableHostGuard.AFTER_CONFLICT.toMillis());
        }
        if (parsed.annotations().paused()) {
            store.backUpStatus(id);
            return Controls.update(hosts.reconcile(id));
        }
        // the domain plans a detached host without looking at its spec; a host being deleted goes to cleanup()
        if (parsed.annotations().detached().isEmpty()) {
            Optional<ReconcileResult> refused = invalidSpec.refuse(cr);
            if (refused.isPresent()) {
                return Controls.update(refused.get());
            }
        }
        return Controls.update(hosts.reconcile(id));
    }

    /** A host being deleted that carries our finalizer or metal3's: the use case deletes it and removes them. */
    private UpdateControl<BareMetalHost> cleanup(BareMetalHost cr) {
        HostId id = HostMapper.id(cr);
        ReconcileResult result;
        try {
            result = hosts.reconcile(id);
        } catch (UnreadableFieldException e) {
            return UpdateControl.<BareMetalHost>noUpdate().rescheduleAfter(unreadable.report(cr, e).toMillis());
        }
        if (result.gone()) {
            reported.remove(id);
        }
        slotWaiters.observed(id, state(cr), result.gone() ? Optional.empty() : current(id));
        return Controls.whileDeleting(result);
    }

    private void reportProblems(HostId id, List<String> problems) {
        Set<String> now = Set.copyOf(problems);
        Set<String> before = reported.getOrDefault(id, Set.of());
        for (String p : problems) {
            if (!before.contains(p)) {
                events.publish(id, HostEvent.warning("InvalidAnnotation", p));
            }
        }
        if (now.isEmpty()) {
            reported.remove(id);
        } else {
            reported.put(id, now);
        }
    }
}
