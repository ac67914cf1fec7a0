package io.metalkube.ironic.client;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.ssl.ClientSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link HttpTransport} on Micronaut's HTTP client (Netty, pooled keep-alive connections), used without an
 * application context. TLS trusts either the JDK's CAs, a PEM CA bundle, or (explicit opt-in) everything.
 */
public final class MicronautTransport implements HttpTransport {

    private final URI endpoint;
    private final HttpClient client;
    private final BlockingHttpClient blocking;
    private final PemTrustStore trustStore;

    public MicronautTransport(URI endpoint, Timeouts timeouts, Path caBundle, boolean insecureTls) {
        this.endpoint = endpoint;
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setExceptionOnErrorStatus(false);
        config.setFollowRedirects(false);
        config.setConnectTimeout(timeouts.connect());
        config.setReadTimeout(timeouts.request());
        config.setMaxContentLength(64 * 1024 * 1024);
        config.setShutdownQuietPeriod(Duration.ofMillis(1));
        config.setShutdownTimeout(Duration.ofMillis(500));
        this.trustStore = "https".equalsIgnoreCase(endpoint.getScheme()) && caBundle != null && !insecureTls
                ? PemTrustStore.fromBundle(caBundle) : null;
        if ("https".equalsIgnoreCase(endpoint.getScheme())) {
            ClientSslConfiguration ssl = new ClientSslConfiguration();
            ssl.setEnabled(true);
            if (insecureTls) {
                ssl.setInsecureTrustAllCertificates(true);
            } else if (trustStore != null) {
                SslConfiguration.TrustStoreConfiguration trust = new SslConfiguration.TrustStoreConfiguration();
                trust.setPath("file:" + trustStore.path());
                trust.setPassword(trustStore.password());
                trust.setType("PKCS12");
                ssl.setTrustStore(trust);
            }
            config.setSslConfiguration(ssl);
        }
        try {
            this.client = HttpClient.create(endpoint.toURL(), config);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the Ironic endpoint is not a valid URL: " + endpoint, e);
        }
        this.blocking = client.toBlocking();
    }

    @Override
    public Response send(String method, String path, Map<String, String> headers, String body) {
        MutableHttpRequest<Object> request = io.micronaut.http.HttpRequest.create(HttpMethod.parse(method), path);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        try {
            HttpResponse<String> response = blocking.exchange(request, io.micronaut.core.type.Argument.STRING, io.micronaut.core.type.Argument.STRING);
            return convert(response);
        } catch (HttpClientResponseException e) {
            return convert(e.getResponse());
        } catch (ReadTimeoutException e) {
            throw new TransportException("no answer from Ironic at " + endpoint + " within the request timeout (" + method + " " + path + ")", true, e);
        } catch (HttpClientException e) {
            throw new TransportException("cannot reach Ironic at " + endpoint + " (" + method + " " + path + "): " + rootMessage(e), false, e);
        }
    }

    private static Response convert(HttpResponse<?> response) {
        Map<String, String> headers = new HashMap<>();
        response.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        String body = response.getBody(String.class).orElse("");
        return new Response(response.code(), headers, body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (trustStore != null) {
                trustStore.delete();
            }
        }
    }
}
