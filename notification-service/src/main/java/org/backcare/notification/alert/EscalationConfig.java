package org.backcare.notification.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How urgent alerts are chased (backcare.escalation.*). */
@ConfigMapping(prefix = "backcare.escalation")
public interface EscalationConfig {

    /** An urgent alert nobody acknowledged within this time goes to the next level. */
    @WithDefault("30m")
    Duration timeout();

    /** How often due escalations are looked for. */
    @WithDefault("30s")
    Duration checkInterval();
}
