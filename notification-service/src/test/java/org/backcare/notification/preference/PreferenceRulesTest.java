package org.backcare.notification.preference;

import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PreferenceRulesTest {

    private static final PreferencesDocument.Channels ON = new PreferencesDocument.Channels(true, true);

    @Test
    void aCompleteDocumentIsParsed() {
        Settings s = PreferenceRules.validate(new PreferencesDocument(new PreferencesDocument.Channels(true, false),
                " anna.berg@example.org ", new PreferencesDocument.Window("22:00", "07:00"), "Europe/Stockholm", "19:30"));
        assertThat(s).isEqualTo(new Settings(false, "anna.berg@example.org",
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), ZoneId.of("Europe/Stockholm"), LocalTime.of(19, 30)));
    }

    @Test
    void onlyTheChannelsAreRequired() {
        assertThat(PreferenceRules.validate(new PreferencesDocument(ON, null, null, null, null))).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PreferenceRules.validate(
                new PreferencesDocument(new PreferencesDocument.Channels(false, null), "anna@", new PreferencesDocument.Window("7:00", "24:00"),
                        "Mars/Olympus", "19:00:00")));
        assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("channels.inApp", "channels.email",
                "email", "quietHours.start", "quietHours.end", "timeZone", "checkInReminderTime");
        assertThat(e.getMessage()).contains("cannot be turned off");
    }

    @Test
    void quietHoursNeedBothEndsAndTwoDifferentTimes() {
        assertThat(fields(new PreferencesDocument(ON, null, new PreferencesDocument.Window("22:00", null), null, null)))
                .containsExactly("quietHours.end");
        assertThat(fields(new PreferencesDocument(ON, null, new PreferencesDocument.Window("22:00", "22:00"), null, null)))
                .containsExactly("quietHours.end");
    }

    @Test
    void addressesWithSpacesLineBreaksOrNoDomainAreRefused() {
        for (String bad : new String[]{"anna berg@example.org", "anna@example.org\r\nBcc: x@evil.org", "anna@example",
                "@example.org", "anna@@example.org", "anna@-example.org"}) {
            assertThat(fields(new PreferencesDocument(ON, bad, null, null, null))).as(bad).containsExactly("email");
        }
        assertThat(PreferenceRules.validate(new PreferencesDocument(ON, "a.b+backcare@mail.example-clinic.se", null, null, null))
                .email()).isEqualTo("a.b+backcare@mail.example-clinic.se");
    }

    private static java.util.List<String> fields(PreferencesDocument doc) {
        return catchThrowableOfType(ProblemException.class, () -> PreferenceRules.validate(doc)).errors().stream()
                .map(Problem.FieldError::field).toList();
    }
}
