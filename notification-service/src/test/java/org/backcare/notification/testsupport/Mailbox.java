package org.backcare.notification.testsupport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the GreenMail SMTP server received, per recipient address. */
public final class Mailbox {

    /**
     * Subject of the daily check-in reminder. Left out of {@link #to}: a test that sets a reminder time for a patient
     * with e-mail on would otherwise add a reminder to mail counts that are about something else.
     */
    private static final String DAILY_REMINDER = "[BackCare] Time for your daily check-in";

    private Mailbox() {
    }

    /** The messages received for this address so far, daily reminders aside. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailResource.MAIL.getReceivedMessages())
                .filter(m -> addressedTo(m, address))
                .filter(m -> !DAILY_REMINDER.equals(subject(m)))
                .toList();
    }

    /** Waits until at least one message for this address arrived; returns them all. */
    public static List<MimeMessage> awaitTo(String address) {
        Awaiting.until(() -> !to(address).isEmpty(), Duration.ofSeconds(30), "e-mail to " + address);
        return to(address);
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String text ? text : content.toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String from(MimeMessage m) {
        try {
            return m.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage m, String address) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
