package org.fieldsupport.chassis.inbox;

/** A record that can never be processed, whatever the retries: it goes to the dead-letter topic with this reason. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
