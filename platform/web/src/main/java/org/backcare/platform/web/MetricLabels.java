package org.backcare.platform.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code uri} label of the HTTP metrics is the route template ({@code /patients/{id}}) for a request that reached
 * a resource, but the raw path for one refused before routing (a rejected token, a 404): {@code /q/metrics} is open,
 * so it would publish patient ids and let any caller grow the label set without bound. Whatever in such a path looks
 * like an identifier (a UUID, a number, a date, anything percent-encoded or long) becomes {@code {id}}.
 */
@Singleton
public class MetricLabels {

    static final String PLACEHOLDER = "{id}";
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f-]{4,}.*|.*[0-9].*|.*%.*|.{41,}");

    @Produces
    @Singleton
    MeterFilter templatedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().startsWith("http.server") || uri == null) {
                    return id;
                }
                String templated = template(uri);
                if (templated.equals(uri)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream()
                        .map(t -> t.getKey().equals("uri") ? Tag.of("uri", templated) : t).toList();
                return id.replaceTags(tags);
            }
        };
    }

    /** {@code /patients/3f0c…/check-ins/2026-12-01} -> {@code /patients/{id}/check-ins/{id}}; templates stay. */
    static String template(String uri) {
        String[] segments = uri.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            String segment = segments[i];
            boolean templateVariable = segment.startsWith("{") && segment.endsWith("}");
            out.append(!templateVariable && IDENTIFIER.matcher(segment).matches() ? PLACEHOLDER : segment);
        }
        return out.toString();
    }
}
