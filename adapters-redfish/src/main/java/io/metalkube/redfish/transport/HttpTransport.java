package io.metalkube.redfish.transport;

import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.error.BmcUnreachableException;
import io.metalkube.redfish.error.CertificateRefusedException;
import io.metalkube.redfish.error.RedfishProtocolException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP/1.1 to BMCs over the JDK's {@link HttpClient}: one client that verifies certificates and one that does not,
 * shared by every BMC (each call blocks only its caller, so a slow BMC delays nobody else). Connect and answer
 * timeouts come from the settings. Redirects (DSP0266 §8.3: sushy-tools answers 307 for a System fetched by name)
 * are followed here, at most five, and only to the same origin so credentials never travel to another host.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    /** One HTTP request. {@code body} may be null; {@code timeout} null means the settings' read timeout. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
        }
    }

    private final RedfishSettings settings;
    private final HttpClient verifying;
    private final HttpClient unverified;

    public HttpTransport(RedfishSettings settings) {
        this.settings = settings;
        this.verifying = client(TlsContexts.verifying(settings.caBundle()));
        this.unverified = client(TlsContexts.unverified());
    }

    private HttpClient client(javax.net.ssl.SSLContext tls) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .build();
    }

    /**
     * Sends the request (following same-origin redirects) and returns whatever status the BMC answered.
     *
     * @throws BmcUnreachableException     no answer (refused, timed out, dropped)
     * @throws CertificateRefusedException the BMC's certificate is not trusted
     */
    public HttpExchange send(Request request, boolean verifyTls, String bmc) {
        Request current = request;
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = once(current, verifyTls, bmc);
            int status = response.statusCode();
            if (!REDIRECTS.contains(status) || hop >= MAX_REDIRECTS) {
                return new HttpExchange(status, response.headers(), response.body(), current.uri());
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return new HttpExchange(status, response.headers(), response.body(), current.uri());
            }
            URI next = current.uri().resolve(location);
            if (!sameOrigin(current.uri(), next)) {
                throw new RedfishProtocolException(bmc, current.method() + " " + current.uri().getPath() + " was redirected to another origin ("
                        + next.getScheme() + "://" + next.getAuthority() + "); not followed, so credentials stay with the BMC");
            }
            boolean toGet = status == 303;
            current = new Request(toGet ? "GET" : current.method(), next, current.headers(), toGet ? null : current.body(), current.timeout());
        }
    }

    private HttpResponse<byte[]> once(Request r, boolean verifyTls, String bmc) {
        Duration timeout = r.timeout() == null ? settings.readTimeout() : r.timeout();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(timeout)
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach(b::header);
        try {
            return (verifyTls ? verifying : unverified).send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            // The JDK's connect timeout covers the TLS handshake too: a BMC that accepts but handshakes slowly ends here.
            String what = "https".equals(r.uri().getScheme()) ? "no TCP connection and TLS handshake" : "no TCP connection";
            throw new BmcUnreachableException(bmc, what + " within " + millis(settings.connectTimeout()) + " (is the BMC up and reachable?)", false, e);
        } catch (HttpTimeoutException e) {
            throw new BmcUnreachableException(bmc, "no answer to " + r.method() + " " + r.uri().getPath() + " within " + millis(timeout), false, e);
        } catch (ConnectException e) {
            throw new BmcUnreachableException(bmc, "connection refused (" + reason(e) + "); is the BMC up and is the port right?", false, e);
        } catch (IOException e) {
            SSLException tls = tlsCause(e);
            if (tls != null) {
                throw new CertificateRefusedException(bmc, "TLS handshake failed (" + reason(tls) + "): the BMC's certificate is not trusted;"
                        + " add its CA to metalkube.redfish.ca-file, or set spec.bmc.disableCertificateVerification: true", e);
            }
            throw new BmcUnreachableException(bmc, "connection dropped during " + r.method() + " " + r.uri().getPath() + " (" + reason(e) + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BmcUnreachableException(bmc, "interrupted while waiting for the BMC", false, e);
        }
    }

    private static SSLException tlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    @Override
    public void close() {
        verifying.shutdownNow();
        unverified.shutdownNow();
    }
}
