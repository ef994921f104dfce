package org.backcare.platform.access;

/** The realm roles BackCare knows; the strings are the OIDC role names. */
public final class Role {

    public static final String PATIENT = "patient";
    public static final String PHYSICIAN = "physician";
    public static final String PHYSICAL_THERAPIST = "physical-therapist";
    public static final String PSYCHOLOGIST = "psychologist";
    public static final String ADMIN = "admin";
    public static final String INTEGRATOR = "integrator";

    private Role() {
    }
}
