package org.backcare.notification.email;

import org.backcare.notification.inbox.NotificationCreated;

/** The subject and text of the e-mail for a notification. Pure. */
public final class EmailText {

    static final String SUBJECT_PREFIX = "[BackCare] ";

    private EmailText() {
    }

    public static String subject(NotificationCreated n) {
        // Line breaks in a subject would start new headers; titles are one line, but nothing relies on that.
        return SUBJECT_PREFIX + n.title().replaceAll("[\\r\\n]+", " ").strip();
    }

    public static String body(NotificationCreated n) {
        StringBuilder text = new StringBuilder(n.message().strip()).append("\n\n");
        if (n.alertId() != null) {
            text.append("This is an urgent alert. Open BackCare and acknowledge it when you take it on; until then it "
                    + "is escalated.\n\n");
        }
        text.append("-- \nBackCare. This message is also in your BackCare inbox. You receive it by e-mail because e-mail "
                + "notifications are on in your preferences; you can turn them off or set quiet hours there.");
        return text.toString();
    }
}
