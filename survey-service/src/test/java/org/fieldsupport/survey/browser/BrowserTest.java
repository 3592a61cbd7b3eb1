package org.fieldsupport.survey.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.survey.answers.Answers;
import org.fieldsupport.survey.invitations.Invitations;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/**
 * The survey form, the report and the dashboard in a real headless Chromium (the machine's Debian package, driven
 * through its chromedriver by Selenium). Each test saves a screenshot under target/screenshots/. Without Chromium
 * the tests are skipped and say why (.ci/run installs it).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);

    static WebDriver browser;
    static Path profile;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Invitations invitations;

    @Inject
    Answers answers;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): install the Debian packages chromium and "
                        + "chromium-driver, as .ci/run does, to run the browser tests");
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("survey-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void anEmployeeAnswersTheSurveyForm() throws IOException {
        String site = PlatformEvents.freshSite("WEB");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        await().atMost(WAIT).untilAsserted(() -> {
            invitations.issueDue(Instant.now());
            assertThat(PlatformEvents.published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
        });
        String token = PlatformEvents.tokenOf(ticket);

        browser.manage().window().setSize(new Dimension(1000, 1100));
        browser.get(root + "surveys/" + token);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("legend")).getText()).contains("satisfait");
        // Each choice is reached through its label, as a screen-reader or keyboard user does.
        browser.findElement(By.cssSelector("label[for='rating-4']")).click();
        assertThat(browser.findElement(By.id("rating-4")).isSelected()).isTrue();
        browser.findElement(By.id("comment")).sendKeys("Intervention rapide, merci au technicien.");
        screenshot("survey-form.png");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Merci pour votre réponse"));
        screenshot("survey-thanks.png");

        String month = YearMonth.from(completedAt.atZone(ZoneId.of("Europe/Paris"))).toString();
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site).queryParam("month", month)
                .get("/pilot/kpis").then().statusCode(200)
                .body("sites[0].surveyAnswers", org.hamcrest.Matchers.equalTo(1))
                .body("sites[0].satisfied.successes", org.hamcrest.Matchers.equalTo(1));

        browser.get(root + "surveys/" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vous avez déjà répondu");
        screenshot("survey-already-answered.png");
    }

    @Test
    void aPilotManagerSignsInAndTheDashboardRefreshesByItself() throws IOException {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "dashboard");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElement(By.id("signin")).isDisplayed())
                .isTrue());
        browser.findElement(By.id("token")).sendKeys(TestTokens.forRole("pilot-manager"));
        browser.findElement(By.cssSelector("#signin button")).click();
        await().atMost(WAIT).untilAsserted(() -> assertThat(textOf("strasbourg-open")).isNotNull());
        long before = Long.parseLong(textOf("strasbourg-open"));

        UUID ticket = UUID.randomUUID();
        PlatformEvents.ticketOpened(ticket, "STRASBOURG", "E-" + ticket, Instant.now().minus(Duration.ofMinutes(5)));
        // No reload: the page polls /dashboard/data by itself.
        await().atMost(WAIT).untilAsserted(() -> assertThat(Long.parseLong(textOf("strasbourg-open")))
                .isGreaterThan(before));
        assertThat(textOf("status")).startsWith("Updated");
        assertThat((Long) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('.card').length;")).isEqualTo(3L);
        screenshot("dashboard.png");
    }

    @Test
    void theFinalReportPrintsWithItsCharts() throws IOException {
        PilotSample.november("STRASBOURG", 9, new int[] { 5, 4, 5, 3, 5 }, 42.0, invitations, answers);
        PilotSample.november("NANCY", 12, new int[] { 5, 5, 4 }, 8.5, invitations, answers);
        PilotSample.november("DIJON", 6, new int[] { 4, 2, 5, 5 }, 55.0, invitations, answers);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole("pilot-manager"))
                .queryParam("site", "DIJON").queryParam("month", "2025-11").get("/pilot/kpis").then()
                .body("sites[0].shipmentsDelivered", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        browser.get(root + "dashboard");
        browser.manage().addCookie(new Cookie("pilot_token", TestTokens.forRole("pilot-manager"), "/"));
        browser.get(root + "pilot/report?format=html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Pilot evaluation");
        assertThat(browser.findElements(By.cssSelector("svg[role='img']"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findElement(By.id("comparison-table")).getText()).contains("STRASBOURG").contains("NANCY")
                .contains("DIJON").contains("Satisfied");
        fullPageScreenshot("report.png");

        browser.get(root + "pilot/follow-up?format=html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Monthly follow-up: STRASBOURG");
        fullPageScreenshot("follow-up-strasbourg.png");
    }

    /** An element's text read in one script call: the page replaces its cards on every refresh. */
    private static String textOf(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
    }

    private void fullPageScreenshot(String name) throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 150, 12000)));
        screenshot(name);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
