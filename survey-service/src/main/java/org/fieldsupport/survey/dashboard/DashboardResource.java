package org.fieldsupport.survey.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.survey.kpis.PilotKpiCalculator;
import org.fieldsupport.survey.pilot.PilotCalendar;
import org.fieldsupport.survey.pilot.PilotConfiguration;
import org.fieldsupport.survey.reports.PilotData;
import org.fieldsupport.survey.web.Html;

/**
 * The ops dashboard. The page itself holds no figure and is public; it asks the pilot manager's token once (kept as a
 * same-site cookie for this service only) and polls {@code /dashboard/data}, which requires the pilot-manager role.
 */
@Path("/dashboard")
public class DashboardResource {

    @Inject
    PilotData data;

    @Inject
    PilotConfiguration.PilotSites sites;

    @Inject
    PilotCalendar calendar;

    @Inject
    PilotKpiCalculator calculator;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dashboard.refresh-seconds", defaultValue = "15")
    int refreshSeconds;

    /** The live figures of every pilot site at {@code asOf}. */
    public record Live(Instant asOf, int refreshSeconds, List<Site> sites) {
    }

    public record Site(String role, LiveFigures figures) {
    }

    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PILOT_MANAGER)
    @Operation(summary = "Live per-site figures for the ops dashboard", description = "Every pilot site, or the one "
            + "given.")
    public Live live(@QueryParam("site") String site) {
        if (site != null && !site.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainProblems.InvalidInput("site must be a site code such as STRASBOURG.");
        }
        Instant now = clock.instant();
        List<String> codes = site == null ? sites.codes() : List.of(site);
        return new Live(now, refreshSeconds, codes.stream().map(code -> {
            PilotData.Snapshot snapshot = data.read(code);
            return new Site(sites.roles().getOrDefault(code, ""), LiveFigures.of(code, now, calendar.zone(),
                    snapshot.events(), snapshot.surveys(), calculator.minimumN()));
        }).toList());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    @Operation(summary = "The ops dashboard page (no figures inside; they come from /dashboard/data)")
    public Response page() {
        return Html.respond(200, Html.page("en", "Pilot operations dashboard", BODY.replace("%REFRESH%",
                String.valueOf(refreshSeconds))));
    }

    static final String BODY = """
            <h1>Pilot operations dashboard</h1>
            <p class="note" aria-live="polite"><span id="status">Loading…</span></p>
            <form id="signin" class="noprint" hidden>
              <p><label for="token">Pilot manager token (bearer JWT)</label><br>
              <textarea id="token" name="token" rows="3" autocomplete="off" spellcheck="false"></textarea></p>
              <button type="submit">Show the figures</button>
              <p class="note">The token is kept as a cookie of this service only (SameSite=Strict) until the browser
              closes; the report pages use it too.</p>
            </form>
            <div id="cards" class="cards" aria-live="polite"></div>
            <p class="note">Open tickets: opened and not resolved, closed or cancelled. Appointments today: visits whose
            current window starts today (Europe/Paris), not cancelled. Promises at risk: visits not done whose last
            booking or notice says the promise will be missed. Shipments in transit: dispatched, neither delivered nor
            failed. Response rate and satisfaction (4–5 of 5): per-intervention surveys for interventions of the
            current month, with n and 95% interval. Refreshes every %REFRESH% s.
            <a href="/pilot/report?format=html">Pilot report</a> ·
            <a href="/pilot/follow-up?format=html">Strasbourg monthly follow-up</a></p>
            <script>
            (function () {
              var cards = document.getElementById('cards');
              var status = document.getElementById('status');
              var form = document.getElementById('signin');
              function pct(p) {
                if (p.share === null) { return '— (n = 0)'; }
                return Math.round(p.share * 100) + '% [' + Math.round(p.low * 100) + '–' + Math.round(p.high * 100)
                  + '%] n=' + p.n + (p.enoughData ? '' : ' ⚠');
              }
              function row(dl, label, value, id) {
                var dt = document.createElement('dt'); dt.textContent = label;
                var dd = document.createElement('dd'); dd.textContent = value; dd.id = id;
                dl.appendChild(dt); dl.appendChild(dd);
              }
              function render(live) {
                cards.textContent = '';
                live.sites.forEach(function (s) {
                  var f = s.figures, key = f.site.toLowerCase();
                  var card = document.createElement('section'); card.className = 'card';
                  card.setAttribute('aria-label', f.site);
                  var h = document.createElement('h2'); h.textContent = f.site; card.appendChild(h);
                  var role = document.createElement('p'); role.className = 'note'; role.textContent = s.role;
                  card.appendChild(role);
                  var dl = document.createElement('dl');
                  row(dl, 'Open tickets', f.openTickets, key + '-open');
                  row(dl, 'Appointments today', f.appointmentsToday, key + '-appointments');
                  row(dl, 'Promises at risk', f.promisesAtRisk, key + '-risk');
                  row(dl, 'Shipments in transit', f.shipmentsInTransit, key + '-transit');
                  row(dl, 'Survey response rate', pct(f.responseRate), key + '-response');
                  row(dl, 'Satisfied (4–5/5)', pct(f.satisfied), key + '-satisfied');
                  card.appendChild(dl);
                  cards.appendChild(card);
                });
                status.textContent = 'Updated ' + new Date(live.asOf).toLocaleTimeString('fr-FR', {timeZone: 'Europe/Paris'})
                  + ' (Paris time), next refresh in ' + live.refreshSeconds + ' s.';
              }
              function load() {
                fetch('/dashboard/data', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                  .then(function (response) {
                    if (response.status === 401 || response.status === 403) {
                      form.hidden = false;
                      status.textContent = response.status === 401 ? 'Sign in with a pilot manager token.'
                        : 'This token does not have the pilot-manager role.';
                      return null;
                    }
                    if (!response.ok) { throw new Error('HTTP ' + response.status); }
                    form.hidden = true;
                    return response.json();
                  })
                  .then(function (live) { if (live) { render(live); } })
                  .catch(function (e) { status.textContent = 'Figures unavailable (' + e.message + '); retrying.'; });
              }
              form.addEventListener('submit', function (event) {
                event.preventDefault();
                var token = document.getElementById('token').value.trim();
                document.cookie = 'pilot_token=' + encodeURIComponent(token) + '; path=/; SameSite=Strict';
                load();
              });
              load();
              setInterval(load, %REFRESH% * 1000);
            })();
            </script>
            """;
}
