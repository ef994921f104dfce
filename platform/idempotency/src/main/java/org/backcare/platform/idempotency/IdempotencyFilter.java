package org.backcare.platform.idempotency;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemType;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a POST with an Idempotency-Key run once per caller and key. Before the resource method: the body is read
 * (and put back) to fingerprint the request, and the key is claimed; a key already answered replays that answer, a
 * key used for another request answers 422, one still running 409 with Retry-After. After it: a 2xx answer is stored
 * with the exact bytes serialized, before they are sent; anything else releases the key.
 *
 * <p>Registered on POST resource methods only ({@link IdempotencyFeature}). They are blocking, so these run on the
 * worker thread that runs the method, where the database may be called.
 */
final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String STATE = IdempotencyFilter.class.getName() + ".claim";
    /** Marks an answer replayed from the store (as Stripe does), so a client can tell. */
    static final String REPLAYED = "Idempotent-Replayed";
    static final URI REUSED = ProblemType.uriOf("idempotency-key-reused");
    static final URI IN_PROGRESS = ProblemType.uriOf("idempotency-key-in-progress");

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final CurrentCaller caller;

    IdempotencyFilter(IdempotencyStore store, SecurityIdentity identity, CurrentCaller caller) {
        this.store = store;
        this.identity = identity;
        this.caller = caller;
    }

    /** The claim a running request holds, and what its answer looks like so far. */
    private static final class State {
        final String subject;
        final String key;
        final UUID claim;
        int status;
        String contentType;
        String location;
        String etag;
        boolean awaitingBody;
        boolean finished;

        State(String subject, String key, UUID claim) {
            this.subject = subject;
            this.key = key;
            this.claim = claim;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<String> values = request.getHeaders().get(IdempotencyKeys.HEADER);
        if (values == null || values.isEmpty() || identity.isAnonymous()) {
            return;
        }
        if (!BlockingOperationControl.isBlockingAllowed()) {
            LOG.warnf("idempotency: %s %s is not a blocking endpoint; its Idempotency-Key is ignored",
                    request.getMethod(), request.getUriInfo().getPath());
            return;
        }
        String path = pathOf(request.getUriInfo());
        Optional<String> parsed;
        try {
            parsed = IdempotencyKeys.parse(values);
        } catch (IdempotencyKeys.InvalidKey e) {
            request.abortWith(problem(400, ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                    IdempotencyKeys.HEADER + ": " + e.getMessage(), path,
                    List.of(new Problem.FieldError(IdempotencyKeys.HEADER, e.getMessage()))).build());
            return;
        }
        String key = parsed.orElseThrow();
        byte[] body = readBody(request);
        String subject = caller.get().subject();
        Fingerprint fingerprint = Fingerprint.of(request.getMethod(), path, body);
        IdempotencyStore.Outcome outcome = store.claim(subject, key, fingerprint);
        if (outcome instanceof IdempotencyStore.Claimed claimed) {
            request.setProperty(STATE, new State(subject, key, claimed.claim()));
        } else if (outcome instanceof IdempotencyStore.Replay replay) {
            request.abortWith(replay(replay.response()));
        } else if (outcome instanceof IdempotencyStore.DifferentRequest different) {
            request.abortWith(problem(422, REUSED, "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was already used for a different request ("
                            + fingerprint.differenceFrom(different.first())
                            + "); send a new key for a new request", path, null).build());
        } else {
            request.abortWith(problem(409, IN_PROGRESS, "Request in progress",
                    "a request with this Idempotency-Key is still being processed; retry", path, null)
                    .header("Retry-After", "1").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STATE) instanceof State state) || state.finished) {
            return;
        }
        int status = response.getStatus();
        if (status < 200 || status > 299) {
            state.finished = true;
            store.release(state.subject, state.key, state.claim);
            return;
        }
        state.status = status;
        state.contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        state.location = response.getHeaderString(HttpHeaders.LOCATION);
        state.etag = response.getHeaderString(HttpHeaders.ETAG);
        if (response.hasEntity()) {
            state.awaitingBody = true; // stored by aroundWriteTo, with the bytes written
        } else {
            state.finished = true;
            store.complete(state.subject, state.key, state.claim, stored(state, new byte[0]));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(STATE) instanceof State state) || !state.awaitingBody || state.finished) {
            context.proceed();
            return;
        }
        // The answer is serialized into a buffer and stored before any byte of it goes out: a client that has it
        // and retries at once finds it stored, never "still being processed".
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        context.setOutputStream(written);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            state.finished = true;
            store.release(state.subject, state.key, state.claim);
            throw e;
        } finally {
            context.setOutputStream(out);
        }
        state.finished = true;
        Object type = context.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            state.contentType = type.toString();
        } else if (context.getMediaType() != null) {
            state.contentType = context.getMediaType().toString();
        }
        byte[] body = written.toByteArray();
        store.complete(state.subject, state.key, state.claim, stored(state, body));
        out.write(body);
    }

    private static StoredResponse stored(State state, byte[] body) {
        return new StoredResponse(state.status, state.contentType, state.location, state.etag, body);
    }

    private static Response replay(StoredResponse first) {
        Response.ResponseBuilder answer = Response.status(first.status()).header(REPLAYED, "true");
        if (first.body().length > 0) {
            answer.entity(first.body());
        }
        if (first.contentType() != null) {
            answer.header(HttpHeaders.CONTENT_TYPE, first.contentType());
        }
        if (first.location() != null) {
            answer.header(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            answer.header(HttpHeaders.ETAG, first.etag());
        }
        return answer.build();
    }

    private static Response.ResponseBuilder problem(int status, URI type, String title, String detail, String path,
                                                    List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, path, errors));
    }

    /** The path with its query as the client sent them (two requests differing in either are different requests). */
    private static String pathOf(UriInfo uri) {
        URI request = uri.getRequestUri();
        return request.getRawQuery() == null ? request.getRawPath() : request.getRawPath() + "?" + request.getRawQuery();
    }

    /** The raw body bytes, put back for the resource method to read. */
    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        InputStream in = request.getEntityStream();
        byte[] body = in == null ? new byte[0] : in.readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }
}
