package org.fieldsupport.chassis.inbox;

/** Applies one incoming event to the service's own state; runs inside the inbox transaction. */
@FunctionalInterface
public interface EventHandler {

    void apply(IncomingEvent event);
}
