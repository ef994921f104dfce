package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirException;
import org.backcare.tracking.questionnaire.Instrument;
import org.backcare.tracking.questionnaire.Instruments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code code} search of Observation: which Observations a token selects. Every Observation.code this service
 * writes belongs to one kind of source row (a check-in measure, the ODI, an instrument), so a search by code becomes
 * a filter on that kind.
 */
final class ObservationCodes {

    /** An Observation.code and the kind of row whose Observations carry it. */
    record Code(String system, String code, String kind) {
    }

    private ObservationCodes() {
    }

    static List<Code> all() {
        List<Code> all = new ArrayList<>();
        for (CheckInObservations.Measure m : CheckInObservations.Measure.values()) {
            all.add(new Code(m.system, m.code, m.suffix));
        }
        all.add(new Code(FhirCodes.LOINC, OdiResources.SCORE_CODE, OdiResources.ODI_SUFFIX));
        for (Instrument instrument : Instruments.current()) {
            var total = InstrumentResources.total(instrument);
            all.add(new Code(total.getSystem(), total.getCode(), instrument.id()));
        }
        return all;
    }

    /**
     * The kinds the {@code code} parameters select, or null without any. Each value is {@code system|code} or a bare
     * code (any system); comma-separated values are any of them, repeated parameters all of them.
     */
    static Set<String> kinds(List<String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        Set<String> selected = null;
        for (String parameter : parameters) {
            Set<String> any = new LinkedHashSet<>();
            for (String value : parameter.split(",", -1)) {
                String token = value.strip();
                if (token.isEmpty() || token.equals("|")) {
                    throw FhirException.badRequest("code: give system|code or a code, e.g. http://loinc.org|44261-6");
                }
                int bar = token.indexOf('|');
                String system = bar < 0 ? null : token.substring(0, bar);
                String code = bar < 0 ? token : token.substring(bar + 1);
                for (Code known : all()) {
                    if (known.code().equals(code) && (system == null || known.system().equals(system))) {
                        any.add(known.kind());
                    }
                }
            }
            if (selected == null) {
                selected = any;
            } else {
                selected.retainAll(any);
            }
        }
        return selected;
    }
}
