package org.backcare.platform.fhir;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes any HAPI resource with HAPI's JSON parser (FHIR JSON is never written by hand), each resource (each entry
 * of a Bundle) with a generated narrative unless it has text already.
 */
@Provider
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class FhirJsonWriter implements MessageBodyWriter<IBaseResource> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        Narratives.generate(resource);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Fhir.json().encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
