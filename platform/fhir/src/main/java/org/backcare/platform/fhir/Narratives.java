package org.backcare.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.narrative.BaseThymeleafNarrativeGenerator;
import ca.uhn.fhir.narrative.CustomThymeleafNarrativeGenerator;
import ca.uhn.fhir.narrative2.INarrativeTemplate;
import ca.uhn.fhir.narrative2.NarrativeGeneratorTemplateUtils;
import ca.uhn.fhir.narrative2.NarrativeTemplateManifest;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * The human-readable text of every resource a service serves, made by HAPI's Thymeleaf narrative generator: HAPI's
 * own template where it has one (Patient, OperationOutcome), else BackCare's one template for any resource type
 * (narrative/Resource.html: the populated elements as a table). A resource that has text already keeps it.
 */
public final class Narratives {

    private static final String HAPI_MANIFEST = "/ca/uhn/fhir/narrative/narratives.properties";
    private static final String MANIFEST = "/org/backcare/platform/fhir/narrative/narratives.properties";

    private static final Generator GENERATOR = generator();

    private Narratives() {
    }

    /** Gives the resource, or each resource of a Bundle, a generated narrative unless it has text already. */
    public static void generate(IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null) {
                    generate(entry.getResource());
                }
            }
        } else if (resource instanceof DomainResource domain && !domain.hasText()) {
            GENERATOR.populateResourceNarrative(Fhir.context(), domain);
        }
    }

    private static Generator generator() {
        // HAPI's manifest first: where both have a template for a type, the first one is used.
        String ours = text(MANIFEST) + "\nresource.resourceType="
                + String.join(",", new TreeSet<>(Fhir.context().getResourceTypes())) + "\n";
        Generator generator = new Generator();
        generator.setManifest(NarrativeTemplateManifest.forManifestFileContents(text(HAPI_MANIFEST), ours));
        return generator;
    }

    private static String text(String path) {
        try (InputStream in = Narratives.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HAPI's generator, keeping the Thymeleaf engine it builds. HAPI builds a new engine, and so parses every template
     * and expression again, for each resource: about 25 ms a resource, 13 s for a search page of 500. The engine is
     * thread-safe and its templates never change, so one serves every resource.
     */
    static final class Generator extends CustomThymeleafNarrativeGenerator {

        private volatile TemplateEngine engine;

        @Override
        protected String applyTemplate(FhirContext fhirContext, INarrativeTemplate template, IBase target) {
            // The variables HAPI's BaseThymeleafNarrativeGenerator gives its templates.
            Context context = new Context();
            context.setVariable("resource", target);
            context.setVariable("context", target);
            context.setVariable("narrativeUtil", NarrativeGeneratorTemplateUtils.INSTANCE);
            context.setVariable("fhirVersion", fhirContext.getVersion().getVersion().name());
            return engine(fhirContext).process(template.getTemplateName(), context);
        }

        private TemplateEngine engine(FhirContext fhirContext) {
            TemplateEngine current = engine;
            if (current == null) {
                synchronized (this) {
                    if (engine == null) {
                        engine = hapiEngine(fhirContext);
                    }
                    current = engine;
                }
            }
            return current;
        }

        /** The engine HAPI configures (its resolver over the manifest, its th:narrative dialect), built once. */
        private TemplateEngine hapiEngine(FhirContext fhirContext) {
            try {
                Method build = BaseThymeleafNarrativeGenerator.class.getDeclaredMethod("getTemplateEngine",
                        FhirContext.class);
                build.setAccessible(true);
                return (TemplateEngine) build.invoke(this, fhirContext);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("HAPI's narrative generator no longer builds its engine as expected", e);
            }
        }
    }
}
