package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationOutcomesTest {

    @Test
    void eachStatusHasOneIssueCodeInEveryService() {
        assertThat(OperationOutcomes.issueFor(400)).isEqualTo(IssueType.INVALID);
        assertThat(OperationOutcomes.issueFor(401)).isEqualTo(IssueType.LOGIN);
        assertThat(OperationOutcomes.issueFor(404)).isEqualTo(IssueType.NOTFOUND);
        assertThat(OperationOutcomes.issueFor(410)).isEqualTo(IssueType.DELETED);
        assertThat(OperationOutcomes.issueFor(412)).isEqualTo(IssueType.CONFLICT);
        assertThat(OperationOutcomes.issueFor(428)).isEqualTo(IssueType.REQUIRED);
        assertThat(OperationOutcomes.issueFor(429)).isEqualTo(IssueType.THROTTLED);
        assertThat(OperationOutcomes.issueFor(503)).isEqualTo(IssueType.TRANSIENT);
        assertThat(OperationOutcomes.issueFor(500)).isEqualTo(IssueType.EXCEPTION);
    }

    @Test
    void aServerFaultIsFatalAClientErrorIsAnError() {
        OperationOutcome fault = OperationOutcomes.error(500, IssueType.EXCEPTION, "it has been logged");
        OperationOutcome invalid = OperationOutcomes.error(400, IssueType.INVALID, "date: not a date");

        assertThat(fault.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.FATAL);
        assertThat(invalid.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(invalid.getIssueFirstRep().getDiagnostics()).isEqualTo("date: not a date");
    }

    @Test
    void fhirPathsAreTheRootAndBelowIt() {
        assertThat(Fhir.isFhirPath("/fhir")).isTrue();
        assertThat(Fhir.isFhirPath("/fhir/Patient/1")).isTrue();
        assertThat(Fhir.isFhirPath("/fhirish")).isFalse();
        assertThat(Fhir.isFhirPath("/patients")).isFalse();
    }
}
