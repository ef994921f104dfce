package org.backcare.notification.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Where a webhook delivery stands: waiting for (another) attempt, accepted by the receiver, or given up. */
public enum DeliveryStatus implements Coded {
    PENDING("pending"), DELIVERED("delivered"), FAILED("failed");

    private final String code;

    DeliveryStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DeliveryStatus fromCode(String code) {
        return Coded.fromCode(DeliveryStatus.class, code);
    }
}
