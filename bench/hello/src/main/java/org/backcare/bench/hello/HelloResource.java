package org.backcare.bench.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The ceiling for an endpoint with no database work: a small JSON list, like GET /notifications/kinds. */
@Path("/hello")
public class HelloResource {

    private static final List<String> WORDS = List.of("hello", "from", "the", "bench");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> hello() {
        return WORDS;
    }
}
