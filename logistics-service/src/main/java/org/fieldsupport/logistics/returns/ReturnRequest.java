package org.fieldsupport.logistics.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Equipment an employee gives back, asset by asset. */
@Entity
@Table(name = "return_request")
public class ReturnRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public Integer escalation;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(nullable = false)
    public String site;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Collection collection;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReturnStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Version
    public long version;

    public List<ReturnedAsset> assets() {
        return ReturnedAsset.list("returnId = ?1 order by asset", id);
    }
}
