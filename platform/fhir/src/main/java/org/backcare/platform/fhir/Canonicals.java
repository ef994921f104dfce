package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's own conformance resources (CodeSystems, Questionnaires) that its resources refer to by canonical URL,
 * so that a client can resolve those URLs: read by id ({@code /fhir/CodeSystem/formulary}) and searched by url. The
 * content is the service's; this is the lookup and the searchset, the same for every service. Each answer is a copy,
 * so writing it (with its narrative) never touches the kept resource. A resource's meta.versionId is a digest of its
 * content: its ETag changes exactly when the content does.
 */
public final class Canonicals {

    private static final Canonicals NONE = new Canonicals(List.of());
    private static final Set<String> SEARCH_PARAMS = Set.of("url", "_id");

    private final List<MetadataResource> resources;

    private Canonicals(List<MetadataResource> resources) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        this.resources = new ArrayList<>();
        for (MetadataResource resource : resources) {
            MetadataResource kept = resource.copy();
            String id = kept.getIdElement().getIdPart();
            if (id == null || !kept.hasUrl()) {
                throw new IllegalArgumentException("a canonical resource needs an id and a url: " + kept.fhirType());
            }
            if (!keys.add(kept.fhirType() + "/" + id) || !urls.add(kept.getUrl() + "|" + kept.getVersion())) {
                throw new IllegalArgumentException(kept.fhirType() + "/" + id + " (" + kept.getUrl() + ") is given twice");
            }
            kept.setId(id);
            kept.getMeta().setVersionId(digest(kept));
            this.resources.add(kept);
        }
    }

    public static Canonicals none() {
        return NONE;
    }

    public static Canonicals of(MetadataResource... resources) {
        return new Canonicals(List.of(resources));
    }

    /** The resource types there are, in the order first given. */
    public List<String> types() {
        return resources.stream().map(MetadataResource::fhirType).distinct().toList();
    }

    public boolean serves(String type) {
        return resources.stream().anyMatch(r -> r.fhirType().equals(type));
    }

    /** Copies of every resource, in the order given. */
    public List<MetadataResource> all() {
        return resources.stream().map(MetadataResource::copy).toList();
    }

    /** The resource of this type and id; 404 when there is none. */
    public MetadataResource read(String type, String id) {
        return resources.stream()
                .filter(r -> r.fhirType().equals(type) && r.getIdElement().getIdPart().equals(id))
                .findFirst().map(MetadataResource::copy)
                .orElseThrow(() -> FhirException.notFound(type + "/" + id + " is not known"));
    }

    /**
     * A searchset Bundle of the resources of this type matching every parameter: {@code url} (a canonical URL,
     * optionally {@code |version}; several comma-separated match any) and {@code _id}. Any other parameter is a 400.
     *
     * @param base the absolute base of the FHIR API, for fullUrl
     * @param self the request's URL, for the self link
     */
    public Bundle search(String type, Map<String, List<String>> query, String base, String self) {
        for (String name : query.keySet()) {
            if (!SEARCH_PARAMS.contains(name)) {
                throw FhirException.notSupported("unknown search parameter '" + name + "'; " + type
                        + " supports url and _id");
            }
        }
        List<MetadataResource> matches = resources.stream()
                .filter(r -> r.fhirType().equals(type))
                .filter(r -> all(query.get("url"), value -> matchesUrl(r, value)))
                .filter(r -> all(query.get("_id"), value -> value.equals(r.getIdElement().getIdPart())))
                .toList();
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(matches.size());
        bundle.addLink().setRelation("self").setUrl(self);
        for (MetadataResource match : matches) {
            bundle.addEntry().setFullUrl(base + "/" + type + "/" + match.getIdElement().getIdPart())
                    .setResource(match.copy()).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** Every given parameter (AND) has a comma-separated value (OR) that matches. */
    private static boolean all(List<String> parameters, java.util.function.Predicate<String> matches) {
        if (parameters == null) {
            return true;
        }
        for (String parameter : parameters) {
            boolean any = false;
            for (String value : parameter.split(",")) {
                if (value.isBlank()) {
                    throw FhirException.badRequest("an empty search value; give a value or leave the parameter out");
                }
                any |= matches.test(value.strip());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesUrl(MetadataResource resource, String value) {
        int bar = value.indexOf('|');
        String url = bar < 0 ? value : value.substring(0, bar);
        String version = bar < 0 ? null : value.substring(bar + 1);
        return resource.getUrl().equals(url) && (version == null || version.equals(resource.getVersion()));
    }

    private static String digest(MetadataResource resource) {
        MetadataResource content = resource.copy();
        content.setMeta(null);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Fhir.json().encodeResourceToString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
