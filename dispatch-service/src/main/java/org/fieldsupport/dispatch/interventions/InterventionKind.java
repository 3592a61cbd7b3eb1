package org.fieldsupport.dispatch.interventions;

/** What a visit is for. */
public enum InterventionKind {
    ON_SITE, MEETING_ROOM, COLLECTION, ROOM_CHECK
}
