package org.backcare.notification.routing;

/**
 * A decision of the routing rules: tell this recipient this, with this priority. {@code needsAcknowledgement} marks
 * the urgent clinical alerts that are chased (escalated) until someone on the team acknowledges them.
 */
public record Notice(Recipient recipient, String kind, Priority priority, String title, String message,
                     boolean needsAcknowledgement) {

    public static Notice to(Recipient recipient, String kind, Priority priority, String title, String message) {
        return new Notice(recipient, kind, priority, title, message, false);
    }
}
