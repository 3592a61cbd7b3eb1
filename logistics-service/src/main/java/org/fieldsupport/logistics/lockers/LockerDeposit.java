package org.fieldsupport.logistics.lockers;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What one compartment holds, from deposit to collection or expiry; the pickup code only as a salted hash. */
@Entity
@Table(name = "locker_deposit")
public class LockerDeposit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "locker_id", nullable = false)
    public String lockerId;

    @Column(nullable = false)
    public String compartment;

    @Column(nullable = false)
    public String site;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "return_id")
    public UUID returnId;

    /** Comma-separated asset tags or the item code. */
    @Column(nullable = false)
    public String contents;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DepositStatus status;

    @Column(name = "deposited_at", nullable = false)
    public Instant depositedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
