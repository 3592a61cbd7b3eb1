package org.fieldsupport.logistics.lockers;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One compartment of a locker bank at a site (vendor-neutral: a bank id and compartment labels). */
@Entity
@Table(name = "locker_compartment")
@IdClass(LockerCompartment.Key.class)
public class LockerCompartment extends PanacheEntityBase {

    @Id
    @Column(name = "locker_id")
    public String lockerId;

    @Id
    public String compartment;

    @Column(nullable = false)
    public String site;

    /** Whether some compartment at the site holds nothing right now. */
    public static boolean anyFreeAt(String site) {
        return count("from LockerCompartment c where c.site = ?1 and not exists (select 1 from LockerDeposit d "
                + "where d.lockerId = c.lockerId and d.compartment = c.compartment and d.status = ?2)", site,
                DepositStatus.IN_LOCKER) > 0;
    }

    /** Composite identifier. */
    public static class Key implements Serializable {
        public String lockerId;
        public String compartment;

        public Key() {
        }

        public Key(String lockerId, String compartment) {
            this.lockerId = lockerId;
            this.compartment = compartment;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lockerId.equals(lockerId) && k.compartment.equals(compartment);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lockerId, compartment);
        }
    }
}
