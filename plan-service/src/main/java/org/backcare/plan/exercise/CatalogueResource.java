package org.backcare.plan.exercise;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backcare.plan.medication.Drug;
import org.backcare.plan.medication.Formulary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The reference lists plans are built from: exercises and the formulary. */
@Path("/")
@Tag(name = "Catalogues", description = "Exercises and drugs a plan may use")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogueResource {

    @GET
    @Path("/exercise-catalogue")
    @Operation(operationId = "listExercises", summary = "The exercise catalogue", description = "Codes to use in the exercises section, with instructions.")
    public List<Exercise> exercises() {
        return ExerciseCatalogue.all();
    }

    @GET
    @Path("/formulary")
    @Operation(operationId = "listFormulary", summary = "The formulary", description = "Drugs a plan may prescribe, with class, unit and maximum daily dose.")
    public List<Drug> formulary() {
        return Formulary.all();
    }
}
