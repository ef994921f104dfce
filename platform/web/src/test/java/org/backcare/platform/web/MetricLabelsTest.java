package org.backcare.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricLabelsTest {

    @Test
    void patientIdsDatesNumbersAndEncodedJunkBecomePlaceholders() {
        assertThat(MetricLabels.template("/patients/3f0c2a4e-7b1d-4c2e-9a51-0d7e6f5a4b3c/check-ins/2026-12-01"))
                .isEqualTo("/patients/{id}/check-ins/{id}");
        assertThat(MetricLabels.template("/fhir/Observation/3f0c2a4e-7b1d-4c2e-9a51-0d7e6f5a4b3c-pain"))
                .isEqualTo("/fhir/Observation/{id}");
        assertThat(MetricLabels.template("/audit-log/42")).isEqualTo("/audit-log/{id}");
        assertThat(MetricLabels.template("/plans/%00")).isEqualTo("/plans/{id}");
        assertThat(MetricLabels.template("/plans/" + "x".repeat(60))).isEqualTo("/plans/{id}");
    }

    @Test
    void routeTemplatesAndFixedPathsStayAsTheyAre() {
        assertThat(MetricLabels.template("/patients/{id}/check-ins/{day}")).isEqualTo("/patients/{id}/check-ins/{day}");
        assertThat(MetricLabels.template("/plans")).isEqualTo("/plans");
        assertThat(MetricLabels.template("/fhir/$export")).isEqualTo("/fhir/$export");
        assertThat(MetricLabels.template("/q/health/ready")).isEqualTo("/q/health/ready");
        assertThat(MetricLabels.template("/plans/{id}/sections/{kind}")).isEqualTo("/plans/{id}/sections/{kind}");
    }
}
