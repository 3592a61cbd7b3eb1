package org.fieldsupport.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aConnectionClosedUnderTheRequestIsTheClientGoingAwayWhereverItIsInTheCauses() {
        assertThat(ProblemMappers.clientWentAway(new ClosedChannelException())).isTrue();
        assertThat(ProblemMappers.clientWentAway(
                new UncheckedIOException(new IOException("read failed", new ClosedChannelException())))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.clientWentAway(new IllegalStateException("boom"))).isFalse();
        assertThat(ProblemMappers.clientWentAway(new UncheckedIOException(new IOException("disk full")))).isFalse();
    }

    @Test
    void aLostLockConflictIsAnsweredTemporarilyUnavailableWithRetryAfter() {
        UriInfo uri = uriWithPath("/technicians/T-1/absences");
        Response answer = new ProblemMappers().unexpected(
                new PersistenceException(new SQLException("deadlock detected", "40P01")), uri);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) answer.getEntity()).type()).endsWith("temporarily-unavailable");
    }

    @Test
    void aBugIsAnInternalError() {
        UriInfo uri = uriWithPath("/tickets");
        Response answer = new ProblemMappers().unexpected(new IllegalStateException("bug"), uri);
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getHeaderString("Retry-After")).isNull();
    }

    private static UriInfo uriWithPath(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
