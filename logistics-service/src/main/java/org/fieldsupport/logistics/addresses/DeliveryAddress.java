package org.fieldsupport.logistics.addresses;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An employee's delivery address: personal data that lives only in this service. It is never logged, never put in
 * an event or an error message, and {@code toString} does not reveal it.
 */
@Entity
@Table(name = "delivery_address")
public class DeliveryAddress extends PanacheEntityBase {

    @Id
    @Column(name = "employee_id")
    public String employeeId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(nullable = false)
    public String line1;

    public String line2;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String country;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static boolean onFile(String employeeId) {
        return count("employeeId", employeeId) > 0;
    }

    @Override
    public String toString() {
        return "DeliveryAddress[employee " + employeeId + "]";
    }
}
