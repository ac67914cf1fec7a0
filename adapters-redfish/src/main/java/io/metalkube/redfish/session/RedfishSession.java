package io.metalkube.redfish.session;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.error.AuthenticationFailedException;
import io.metalkube.redfish.error.BmcUnreachableException;
import io.metalkube.redfish.error.RedfishHttpException;
import io.metalkube.redfish.transport.HttpExchange;
import io.metalkube.redfish.transport.HttpTransport;
import io.metalkube.redfish.wire.Bodies;
import io.metalkube.redfish.wire.Fields;
import io.metalkube.redfish.wire.RedfishDecodeException;
import io.metalkube.redfish.wire.RedfishError;
import io.metalkube.redfish.wire.ServiceRoot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One user's authenticated access to one Redfish service (DSP0266 §13.3). A session is opened on first use
 * ({@code POST} to the Sessions collection, {@code X-Auth-Token} reused by every later call, from any thread) and
 * logged out on {@link #close()}. A 401 on a session token means the session expired or was deleted on the BMC:
 * the session logs in again, once, and repeats the request. Services without sessions (sushy-tools) get HTTP Basic;
 * so do services whose login fails with anything but 401/403 (sushy's "auto" does the same). A 401/403 on login is
 * a refused password, never a reason to try Basic. The password lives only here and is sent only to this BMC.
 */
public final class RedfishSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedfishSession.class.getName());
    static final int ANSWER_CLIP = 300;

    private enum Mode { UNKNOWN, SESSION, BASIC }

    private final HttpTransport http;
    private final RedfishSettings settings;
    private final URI base;
    private final boolean verifyTls;
    private final BmcCredentials credentials;
    private final String bmc;
    private final ReentrantLock loginLock = new ReentrantLock();
    private volatile Mode mode = Mode.UNKNOWN;
    private volatile String token;
    private volatile String sessionUri;
    private volatile ServiceRoot root;
    private volatile boolean closed;
    private volatile RuntimeException loginFailure;
    private volatile long loginFailedAt;

    /**
     * @param base scheme://host:port of the service, e.g. {@code https://10.0.0.7:443}
     */
    public RedfishSession(HttpTransport http, RedfishSettings settings, URI base, boolean verifyTls, BmcCredentials credentials) {
        this.http = http;
        this.settings = settings;
        this.base = base;
        this.verifyTls = verifyTls;
        this.credentials = credentials;
        this.bmc = base.getScheme() + "://" + base.getRawAuthority();
    }

    /** scheme://host:port, for messages. */
    public String bmc() {
        return bmc;
    }

    /** True while a session token is held (false for Basic or before login). */
    public boolean hasSessionToken() {
        return mode == Mode.SESSION && token != null;
    }

    /** The session resource's URI on the BMC, or null (Basic, or not logged in). */
    public String sessionUri() {
        return sessionUri;
    }

    /** The service root, read once without authentication (DSP0266 §13.3.1). */
    public ServiceRoot root() {
        ServiceRoot r = root;
        if (r == null) {
            HttpExchange e = exchange("GET", "/redfish/v1/", null, Map.of(), null, false);
            requireOk(e, "GET /redfish/v1/");
            r = ServiceRoot.decode(e.body());
            root = r;
        }
        return r;
    }

    /** GET of a resource; anything but 2xx is a {@link RedfishHttpException} quoting the BMC. */
    public HttpExchange get(String path) {
        HttpExchange e = authenticated("GET", path, null, Map.of(), null);
        requireOk(e, "GET " + path);
        return e;
    }

    /** GET that tolerates a missing or unimplemented resource: null for 404, 405 and 501 (sushy-tools' fake driver). */
    public HttpExchange getOptional(String path) {
        HttpExchange e = authenticated("GET", path, null, Map.of(), null);
        if (e.status() == 404 || e.status() == 405 || e.status() == 501) {
            return null;
        }
        requireOk(e, "GET " + path);
        return e;
    }

    /**
     * POSTs an action (DSP0266 §9.8) with a JSON body and waits for it: a {@code 202 Accepted} task monitor is
     * followed until it ends or {@code settings.taskTimeout} passes (then the 202 is returned: still running).
     */
    public HttpExchange action(String target, byte[] body, Duration timeout) {
        HttpExchange e = authenticated("POST", target, body == null ? Bodies.empty() : body, Map.of(), timeout);
        e = TaskMonitor.follow(this, e);
        requireOk(e, "POST " + target);
        return e;
    }

    /**
     * PATCHes a resource with {@code If-Match} (DSP0266 §6.5, §8.3) when the BMC gave an ETag: a fresh GET supplies
     * it. A 412 or 428 is answered once with the tag of a new GET, since the resource may have changed in between
     * (a power change lands at any time); a 412 on that fresh weak tag is retried with the strong form, then without
     * If-Match (vendors that reject a correct tag). Neither emulator sends ETags, which is the no-ETag path.
     */
    public HttpExchange patch(String path, byte[] body) {
        String etag = etagOf(get(path));
        HttpExchange e = patchOnce(path, body, etag);
        if (e.status() == 412 || e.status() == 428) {
            String fresh = etagOf(get(path));
            if (fresh != null) {
                etag = fresh;
                e = patchOnce(path, body, fresh);
            }
        }
        if (e.status() == 412 && etag != null) {
            String refused = etag;
            String strong = refused.startsWith("W/") ? refused.substring(2) : null;
            if (strong != null) {
                e = patchOnce(path, body, strong);
            }
            if (e.status() == 412) {
                LOG.log(System.Logger.Level.INFO, () -> bmc + " refused If-Match " + refused + " on " + path + "; retrying without it");
                e = patchOnce(path, body, null);
            }
        }
        e = TaskMonitor.follow(this, e);
        requireOk(e, "PATCH " + path);
        return e;
    }

    private HttpExchange patchOnce(String path, byte[] body, String etag) {
        Map<String, String> headers = etag == null ? Map.of() : Map.of("If-Match", etag);
        return authenticated("PATCH", path, body, headers, null);
    }

    /** The ETag of a GET: the header (DSP0266 §6.5) or else {@code @odata.etag} in the body (§9.5.3); empty → none. */
    static String etagOf(HttpExchange get) {
        String header = get.header("ETag").orElse(null);
        if (header != null && !header.isBlank() && !header.equals("\"\"")) {
            return header.trim();
        }
        try {
            String body = Fields.parse(get.body(), "resource").text("@odata.etag");
            return body == null || body.isBlank() ? null : body;
        } catch (RedfishDecodeException e) {
            return null;
        }
    }

    /** Sends with authentication; a 401 on a session token logs in again once and repeats the request. */
    HttpExchange authenticated(String method, String path, byte[] body, Map<String, String> headers, Duration timeout) {
        ensureLoggedIn();
        String used = token;
        HttpExchange e = exchange(method, path, body, headers, timeout, true);
        if (e.status() != 401) {
            return e;
        }
        if (mode == Mode.SESSION) {
            LOG.log(System.Logger.Level.INFO, () -> bmc + " answered 401 to the session token on " + method + " " + path
                    + " (session expired or deleted on the BMC); logging in again");
            relogin(used);
            e = exchange(method, path, body, headers, timeout, true);
            if (e.status() != 401) {
                return e;
            }
        }
        throw refused(e);
    }

    /**
     * One request with the retries every BMC call gets: a dropped connection once at once (BMCs that close reused
     * connections), a 5xx with doubling back-off or the BMC's {@code Retry-After} (GETs on any 5xx, other methods on
     * 503 only, since an action may have taken effect).
     */
    HttpExchange exchange(String method, String path, byte[] body, Map<String, String> extra, Duration timeout, boolean auth) {
        if (closed) {
            throw new IllegalStateException("the Redfish session to " + bmc + " is closed");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("OData-Version", "4.0");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extra);
        boolean retriedDrop = false;
        int retries = 0;
        Duration backoff = settings.retryBackoff();
        while (true) {
            if (auth) {
                authorize(headers);
            }
            HttpExchange e;
            try {
                e = http.send(new HttpTransport.Request(method, resolve(path), headers, body, timeout), verifyTls, bmc);
            } catch (BmcUnreachableException dropped) {
                if (!dropped.dropped() || retriedDrop) {
                    throw dropped;
                }
                retriedDrop = true;
                LOG.log(System.Logger.Level.DEBUG, () -> bmc + ": " + dropped.detail() + "; retrying once");
                continue;
            }
            boolean retryable = e.status() == 503 || e.status() >= 500 && e.status() <= 504 && method.equals("GET");
            if (!retryable || retries >= settings.retries()) {
                return e;
            }
            Duration asked = RetryAfter.parse(e.header("Retry-After").orElse(null), ZonedDateTime.now());
            Duration wait = asked == null ? backoff : asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
            retries++;
            backoff = backoff.multipliedBy(2);
            int status = e.status();
            int attempt = retries;
            LOG.log(System.Logger.Level.DEBUG, () -> bmc + " answered " + status + " to " + method + " " + path + "; retry " + attempt
                    + " in " + wait.toMillis() + " ms");
            sleep(wait);
        }
    }

    private void authorize(Map<String, String> headers) {
        if (mode == Mode.SESSION && token != null) {
            headers.remove("Authorization");
            headers.put("X-Auth-Token", token);
        } else if (mode == Mode.BASIC) {
            headers.remove("X-Auth-Token");
            headers.put("Authorization", basic());
        }
    }

    /**
     * Logs in once for every thread. Threads that queued behind a login that failed get that failure at once instead
     * of each waiting out its own timeout, so a dead BMC is reported in one timeout however many callers it has.
     */
    private void ensureLoggedIn() {
        if (mode != Mode.UNKNOWN) {
            return;
        }
        long asked = System.nanoTime();
        loginLock.lock();
        try {
            RuntimeException failure = loginFailure;
            if (failure != null && loginFailedAt - asked >= 0) {
                throw failure;
            }
            if (mode == Mode.UNKNOWN) {
                try {
                    login();
                } catch (RuntimeException e) {
                    loginFailure = e;
                    loginFailedAt = System.nanoTime();
                    throw e;
                }
            }
        } finally {
            loginLock.unlock();
        }
    }

    private void relogin(String staleToken) {
        loginLock.lock();
        try {
            if (token == null || token.equals(staleToken)) {
                token = null;
                sessionUri = null;
                login();
            }
        } finally {
            loginLock.unlock();
        }
    }

    /** Opens a session (DSP0266 §13.3.5) where the service offers one, else settles on HTTP Basic. */
    private void login() {
        ServiceRoot r = root();
        String sessions = r.sessions() != null ? r.sessions() : r.sessionService() != null ? trim(r.sessionService()) + "/Sessions" : null;
        if (sessions == null) {
            mode = Mode.BASIC;
            return;
        }
        byte[] body = Bodies.of(orderedLogin());
        HttpExchange e = exchange("POST", sessions, body, Map.of(), null, false);
        if (e.status() == 401 || e.status() == 403) {
            throw refused(e);
        }
        String newToken = e.header("X-Auth-Token").orElse(null);
        if (!e.ok() || newToken == null || newToken.isBlank()) {
            int status = e.status();
            LOG.log(System.Logger.Level.INFO, () -> bmc + " gave no session (HTTP " + status + " from " + sessions + "); using HTTP Basic");
            mode = Mode.BASIC;
            return;
        }
        token = newToken;
        sessionUri = e.header("Location").map(RedfishSession::pathOf).orElseGet(() -> sessionFromBody(e));
        mode = Mode.SESSION;
    }

    private Map<String, String> orderedLogin() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("UserName", credentials.username());
        m.put("Password", credentials.password());
        return m;
    }

    /** Cisco CIMC 4.1 names the session in the body, not in Location (sushy 43ed6a68). */
    private static String sessionFromBody(HttpExchange e) {
        try {
            return Fields.parse(e.body(), "Session").text("@odata.id");
        } catch (RedfishDecodeException notJson) {
            return null;
        }
    }

    private AuthenticationFailedException refused(HttpExchange e) {
        String answer = answer(e);
        return new AuthenticationFailedException(bmc, "refused the credentials of user \"" + credentials.username() + "\" (HTTP " + e.status()
                + (answer.isEmpty() ? "" : ": \"" + answer + "\"") + "); check the Secret named by spec.bmc.credentialsName");
    }

    private String basic() {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    void requireOk(HttpExchange e, String request) {
        if (!e.ok()) {
            throw new RedfishHttpException(bmc, request, e.status(), answer(e));
        }
    }

    /** What the BMC said in an error body: its ExtendedInfo or message, else the raw text; clipped, never secret. */
    static String answer(HttpExchange e) {
        if (e.body() == null || e.body().length == 0) {
            return "";
        }
        try {
            return RedfishError.decode(e.body()).summary(ANSWER_CLIP);
        } catch (RedfishDecodeException notRedfish) {
            String text = new String(e.body(), StandardCharsets.UTF_8);
            return text.chars().allMatch(c -> c >= 0x20 || Character.isWhitespace(c)) ? RedfishError.clip(text, ANSWER_CLIP) : "";
        }
    }

    URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path : "/" + path);
    }

    private static String trim(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String pathOf(String location) {
        URI u = URI.create(location.trim());
        return u.getRawPath() == null || u.getRawPath().isEmpty() ? location : u.getRawPath();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BmcUnreachableException("", "interrupted while waiting to retry", false, e);
        }
    }

    RedfishSettings settings() {
        return settings;
    }

    /** Logs out: {@code DELETE} of the session resource, so the BMC's few session slots are freed (DSP0266 §13.3.5). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        String uri = sessionUri;
        if (mode == Mode.SESSION && uri != null) {
            try {
                exchange("DELETE", uri, null, Map.of(), null, true);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, () -> "logout from " + bmc + " failed (" + e.getMessage() + "); the session expires on its own");
            }
        }
        closed = true;
        token = null;
        mode = Mode.UNKNOWN;
    }
}
