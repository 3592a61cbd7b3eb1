package org.fieldsupport.ticket.sites;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a site code names a site, asked for every ticket opened. A site is never deleted, so a code once found
 * stays valid and is remembered; a code not found is asked of the database again next time, so that a site added
 * by another instance is known at once.
 */
@ApplicationScoped
public class KnownSites {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public boolean exists(String code) {
        if (known.contains(code)) {
            return true;
        }
        if (Site.findById(code) == null) {
            return false;
        }
        known.add(code);
        return true;
    }
}
