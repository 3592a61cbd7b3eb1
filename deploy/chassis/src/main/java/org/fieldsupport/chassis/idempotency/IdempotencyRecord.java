package org.fieldsupport.chassis.idempotency;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The stored answer to the first request made with an Idempotency-Key. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    public String scope;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_location")
    public String responseLocation;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Composite identifier. */
    public static class Key implements Serializable {
        public String scope;
        public String idempotencyKey;

        public Key() {
        }

        public Key(String scope, String idempotencyKey) {
            this.scope = scope;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.scope.equals(scope) && k.idempotencyKey.equals(idempotencyKey);
        }

        @Override
        public int hashCode() {
            return scope.hashCode() * 31 + idempotencyKey.hashCode();
        }
    }
}
