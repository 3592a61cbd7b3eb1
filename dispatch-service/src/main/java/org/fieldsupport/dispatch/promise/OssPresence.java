package org.fieldsupport.dispatch.promise;

import java.time.LocalDate;

import org.fieldsupport.dispatch.policies.HalfDay;

/** Whether the site's on-site technician is there in a half-day (rota less absences). */
@FunctionalInterface
public interface OssPresence {

    boolean present(LocalDate day, HalfDay half);
}
