package org.fieldsupport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

import org.fieldsupport.infra.KafkaAccess;
import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;
import org.fieldsupport.launcher.ServiceSpec;

/**
 * The four packaged services on a real broker and a real PostgreSQL, started by the launcher of
 * {@code ./deploy/run} (on free ports, in a state directory of their own), driven only through the public contract:
 * REST with tokens, and the topics.
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformE2ETest {

    LocalPlatform platform;

    @BeforeEach
    void platform() {
        platform = SharedPlatform.platform();
    }

    @Test
    @Order(1)
    void aTicketOpenedAtTheDeskIsPublishedAndCountedInThePilotKpis() throws Exception {
        long before = ticketsThisMonth("STRASBOURG");
        String id = openTicket("STRASBOURG", "E-E2E-1");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> ticketEvents().stream().filter(r -> id.equals(r.key())).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertThat(header(record, "ce_type")).isEqualTo("TicketOpened");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ticketsThisMonth("STRASBOURG"))
                .isEqualTo(before + 1));
    }

    @Test
    @Order(2)
    void ticketsOpenedWhileTheBrokerIsDownAreAllPublishedAndCountedExactlyOnce() throws Exception {
        long before = ticketsThisMonth("NANCY");
        List<String> ids = new ArrayList<>();
        platform.stopBroker();
        try {
            for (int i = 0; i < 25; i++) {
                ids.add(openTicket("NANCY", "E-E2E-OUTAGE-" + i));
            }
        } finally {
            platform.startBroker();
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(ticketsThisMonth("NANCY"))
                .isEqualTo(before + ids.size()));
        List<String> published = ticketEvents().stream().map(ConsumerRecord::key).filter(ids::contains).toList();
        assertThat(published).containsAll(ids);
        assertThat(ticketsThisMonth("NANCY")).isEqualTo(before + ids.size());
    }

    @Test
    @Order(3)
    void anEscalatedHardwareTicketIsBookedVisitedAndResolved() throws Exception {
        String id = openTicket("STRASBOURG", "E-E2E-VISIT");
        given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .body("{\"kind\": \"ON_SITE\"}")
                .post(url("ticket-service", "/tickets/" + id + "/escalation"))
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(platform.token("desk-agent")).get(url("ticket-service", "/tickets/" + id))
                .then().statusCode(200).body("status", equalTo("APPOINTMENT_BOOKED")));
        String technician = given().auth().oauth2(platform.token("dispatcher")).queryParam("ticketId", id)
                .get(url("dispatch-service", "/interventions")).then().statusCode(200)
                .extract().path("[0].technicianId");
        String intervention = given().auth().oauth2(platform.token("technician-" + technician))
                .queryParam("ticketId", id).get(url("dispatch-service", "/interventions")).then().statusCode(200)
                .extract().path("[0].id");
        given().auth().oauth2(platform.token("technician-" + technician)).contentType(ContentType.JSON)
                .body("{\"outcome\": \"FIXED\", \"travelKm\": 4.2}")
                .post(url("dispatch-service", "/interventions/" + intervention + "/completion"))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(platform.token("desk-agent")).get(url("ticket-service", "/tickets/" + id))
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("ON_SITE")));
    }

    @Test
    @Order(4)
    void aServiceMayWriteOnlyItsOwnTopic() throws Exception {
        Map<String, Object> props = new HashMap<>(platform.kafkaAccessOf("ticket-service").clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("dispatch.events", "forged",
                    "{\"schemaVersion\": 1}")).get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> TopicReader.readAll(platform.kafkaBootstrapServers(), KafkaAccess.PLAINTEXT,
                "ticket.events")).isInstanceOf(RuntimeException.class);
    }

    @Test
    @Order(5)
    void aRestartOfTheWholePlatformLosesNothing() throws Exception {
        // Counted from before the ticket: earlier classes opened Dijon tickets too, so "at least one" held at once and
        // the count could be read before this ticket reached survey-service, which then counted it after the restart.
        long before = ticketsThisMonth("DIJON");
        String id = openTicket("DIJON", "E-E2E-RESTART");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ticketsThisMonth("DIJON"))
                .isGreaterThan(before));
        long dijon = ticketsThisMonth("DIJON");
        long nancy = ticketsThisMonth("NANCY");

        platform = SharedPlatform.restart();

        given().auth().oauth2(platform.token("desk-agent"))
                .get(url("ticket-service", "/tickets/" + id))
                .then().statusCode(200).body("site", equalTo("DIJON")).body("timeline[0].kind", equalTo("OPENED"));
        assertThat(ticketsThisMonth("DIJON")).isEqualTo(dijon);
        assertThat(ticketsThisMonth("NANCY")).isEqualTo(nancy);
        openTicket("DIJON", "E-E2E-AFTER-RESTART");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ticketsThisMonth("DIJON"))
                .isEqualTo(dijon + 1));
    }

    @Test
    @Order(6)
    void eachServiceRunsInASessionOfItsOwnSoThatTheCoresAreSharedBetweenServices() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "sessions are read from /proc");
        for (ServiceSpec spec : ServiceSpec.DEFAULTS) {
            String service = spec.name();
            long pid = platform.servicePid(service);
            Process ps = new ProcessBuilder("ps", "-o", "sid=", "-p", String.valueOf(pid)).start();
            String session = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            assertThat(ps.waitFor()).isZero();
            assertThat(session).as("session of %s", service).isEqualTo(String.valueOf(pid));
        }
    }

    private String openTicket(String site, String employeeId) throws IOException {
        return given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"employeeId\": \"" + employeeId + "\", \"site\": \"" + site
                        + "\", \"category\": \"HARDWARE\", \"summary\": \"End-to-end\"}")
                .post(url("ticket-service", "/tickets"))
                .then().statusCode(201).extract().path("id");
    }

    private long ticketsThisMonth(String site) throws IOException {
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
        Integer count = given().auth().oauth2(platform.token("pilot-manager"))
                .queryParam("site", site).queryParam("month", month)
                .get(url("survey-service", "/pilot/kpis"))
                .then().statusCode(200).extract().path("sites[0].tickets");
        return count;
    }

    private String url(String service, String path) {
        return platform.service(service).baseUrl() + path;
    }

    private List<ConsumerRecord<String, String>> ticketEvents() {
        return TopicReader.readAll(platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(), "ticket.events");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }

}
