package org.fieldsupport.survey.answers;

/** Why a survey link cannot be used; the form shows a page saying so, the JSON API a problem. */
public class SurveyRefused extends RuntimeException {

    public enum Reason {
        UNKNOWN(404), EXPIRED(410), ALREADY_ANSWERED(409), NOT_OPEN_YET(403), INVALID_ANSWER(400);

        public final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    public SurveyRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
