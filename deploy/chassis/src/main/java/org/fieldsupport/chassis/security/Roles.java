package org.fieldsupport.chassis.security;

/** The roles of DESIGN §5, as carried in the {@code groups} claim of the bearer token. */
public final class Roles {

    public static final String DESK_AGENT = "desk-agent";
    public static final String DISPATCHER = "dispatcher";
    public static final String TECHNICIAN = "technician";
    public static final String LOGISTICS_OPERATOR = "logistics-operator";
    public static final String PILOT_MANAGER = "pilot-manager";
    /** Historical import: may pass business timestamps. */
    public static final String IMPORTER = "importer";
    /** Maintains reference data (sites, catalogues); the launcher uses it to seed the platform. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
