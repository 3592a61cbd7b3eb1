package org.fieldsupport.chassis.inbox;

/**
 * A message the inbox did not apply because the service is stopping: it must be read again after the restart, not
 * dead-lettered and not acknowledged. {@link InboxFailureStrategy} leaves its offset uncommitted.
 */
public final class RedeliverAfterRestart extends RuntimeException {

    public RedeliverAfterRestart(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** True when {@code failure}, or one of its causes, is a message to read again after the restart. */
    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedeliverAfterRestart) {
                return true;
            }
        }
        return false;
    }
}
