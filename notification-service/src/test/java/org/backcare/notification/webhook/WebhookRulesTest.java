package org.backcare.notification.webhook;

import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRulesTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertThat(WebhookRules.url(" https://hooks.example.org/backcare ")).isEqualTo("https://hooks.example.org/backcare");
        assertThat(WebhookRules.url("http://10.0.0.5:8080/in")).isEqualTo("http://10.0.0.5:8080/in");
    }

    @Test
    void refusesOtherUrls() {
        for (String url : Arrays.asList(null, " ", "ftp://example.org/x", "/hooks", "hooks.example.org/x",
                "https://user:pw@example.org/x", "https://exa mple.org/", "mailto:a@example.org")) {
            assertThatThrownBy(() -> WebhookRules.url(url)).as(String.valueOf(url)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("url"));
        }
    }

    @Test
    void secretsAreAtLeastSixteenCharactersOrGenerated() {
        assertThat(WebhookRules.secret(null)).isNull();
        assertThat(WebhookRules.secret("0123456789abcdef")).isEqualTo("0123456789abcdef");
        assertThatThrownBy(() -> WebhookRules.secret("0123456789abcde")).isInstanceOf(ProblemException.class);
        assertThat(Webhooks.generateSecret()).startsWith("whsec_").hasSizeGreaterThan(40)
                .isNotEqualTo(Webhooks.generateSecret());
    }

    @Test
    void kindsMustBeKnownAndAreDeduplicated() {
        assertThat(WebhookRules.kinds(null)).isEmpty();
        assertThat(WebhookRules.kinds(List.of("red-flag", "flare", "red-flag"))).containsExactly("red-flag", "flare");
        assertThatThrownBy(() -> WebhookRules.kinds(List.of("red-flag", "pizza")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("kinds[1]"));
        // Admin notices are not routed from events, so there is nothing to subscribe to.
        assertThatThrownBy(() -> WebhookRules.kinds(List.of("webhook-disabled"))).isInstanceOf(ProblemException.class);
    }
}
