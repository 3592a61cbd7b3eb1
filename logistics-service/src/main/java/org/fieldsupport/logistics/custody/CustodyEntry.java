package org.fieldsupport.logistics.custody;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of the append-only custody log: who did what with which asset, where, when. */
@Entity
@Table(name = "custody_entry")
public class CustodyEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String asset;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "locker_id", updatable = false)
    public String lockerId;

    @Column(updatable = false)
    public String compartment;

    @Column(updatable = false)
    public String site;

    @Column(name = "return_id", updatable = false)
    public UUID returnId;

    @Column(name = "shipment_id", updatable = false)
    public UUID shipmentId;

    @Column(name = "ticket_id", updatable = false)
    public UUID ticketId;

    @Column(nullable = false, updatable = false)
    public Instant at;
}
