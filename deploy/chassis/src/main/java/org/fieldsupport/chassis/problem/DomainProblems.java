package org.fieldsupport.chassis.problem;

/**
 * Failures domain code raises without knowing HTTP; the chassis turns each kind into its problem response.
 */
public final class DomainProblems {

    private DomainProblems() {
    }

    /** Base of the kinds below; {@code slug} names the problem type. */
    public abstract static class DomainProblem extends RuntimeException {
        private final String slug;
        private final String title;

        protected DomainProblem(String slug, String title, String detail) {
            super(detail);
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    /** The request is well-formed JSON but a value is not acceptable (unknown site, unknown code...). */
    public static class InvalidInput extends DomainProblem {
        public InvalidInput(String detail) {
            super("invalid-input", "Invalid input", detail);
        }
    }

    /** The thing named in the request does not exist. */
    public static class NotFound extends DomainProblem {
        public NotFound(String detail) {
            super("not-found", "Not found", detail);
        }
    }

    /** The request conflicts with the current state (for example an illegal status transition). */
    public static class Conflict extends DomainProblem {
        public Conflict(String slug, String detail) {
            super(slug, "Conflict with the current state", detail);
        }
    }

    /** The request is valid but breaks a business rule (for example an escalation kind that does not fit). */
    public static class RuleViolation extends DomainProblem {
        public RuleViolation(String slug, String detail) {
            super(slug, "Business rule violated", detail);
        }
    }
}
