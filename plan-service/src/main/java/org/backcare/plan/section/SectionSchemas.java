package org.backcare.plan.section;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.backcare.platform.openapi.StableOrder;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Discriminator;

import java.util.List;
import java.util.Map;

/**
 * A section's content is stored and served as JSON whose shape depends on its kind, which the scanner cannot see.
 * Published as a oneOf of one schema per kind, told apart by {@code kind} (a discriminator), so a generated client
 * gets typed content (ExerciseSection's exercises, not an empty object).
 */
// Before platform-web's ContractOpenApi (default priority 1), which assembles examples from these schemas: left to
// Quarkus, the order of equal priorities changes with the set of classes, and the examples with it.
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 10)
public class SectionSchemas implements OASFilter {

    static final String SECTION = "PlanSection";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey(SECTION)) {
            return;
        }
        org.eclipse.microprofile.openapi.models.media.Schema common = components.getSchemas().get(SECTION);
        Discriminator discriminator = OASFactory.createDiscriminator().propertyName("kind");
        org.eclipse.microprofile.openapi.models.media.Schema section = OASFactory.createSchema()
                .description("One section of a plan; kind tells which content it has").discriminator(discriminator);
        for (SectionKind kind : SectionKind.values()) {
            String name = schemaName(kind);
            org.eclipse.microprofile.openapi.models.media.Schema variant = OASFactory.createSchema()
                    .type(List.of(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT))
                    .description("The " + kind.code() + " section")
                    .required(List.of("kind", "version", "content"));
            for (Map.Entry<String, org.eclipse.microprofile.openapi.models.media.Schema> property
                    : common.getProperties().entrySet()) {
                variant.addProperty(property.getKey(), switch (property.getKey()) {
                    case "kind" -> OASFactory.createSchema()
                            .type(List.of(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING))
                            .enumeration(List.of(kind.code()));
                    case "content" -> OASFactory.createSchema().ref(contentSchema(kind));
                    default -> property.getValue();
                });
            }
            components.addSchema(name, variant);
            section.addOneOf(OASFactory.createSchema().ref(name));
            discriminator.addMapping(kind.code(), "#/components/schemas/" + name);
        }
        components.addSchema(SECTION, section);
        // Jackson's JsonNode, which the scanner described from the Java type, is no longer referenced.
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
        StableOrder.sortSharedComponents(openAPI);
    }

    /** e.g. ExercisesPlanSection. */
    static String schemaName(SectionKind kind) {
        StringBuilder name = new StringBuilder();
        for (String part : kind.code().split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append(SECTION).toString();
    }

    /** The schema name the content record declares (GoalsSection, ExerciseSection...). */
    static String contentSchema(SectionKind kind) {
        return SectionContent.typeOf(kind).getAnnotation(Schema.class).name();
    }
}
