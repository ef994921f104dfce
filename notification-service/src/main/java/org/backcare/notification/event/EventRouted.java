package org.backcare.notification.event;

import org.backcare.notification.routing.IncomingEvent;
import org.backcare.notification.routing.Notice;

import java.util.List;

/**
 * Fired (CDI, synchronously, inside the handling transaction) once per event that produced notifications, so other
 * channels (webhooks) can queue their own delivery exactly once per event.
 */
public record EventRouted(IncomingEvent event, List<Notice> notices) {
}
