package org.fieldsupport.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a pilot period from the brief's figures, reproducibly: the same settings (seed included) give the same
 * scenario. Totals are the rates times the site's business days, rounded, so that the generated rates are the
 * brief's; the seed decides on which business day and at what business time each ticket comes.
 */
public final class QuarterGenerator {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** Half-days of service (DESIGN §6). A ticket opens at least half an hour before its half-day ends. */
    static final LocalTime MORNING_START = LocalTime.of(8, 30);
    static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
    static final int HALF_DAY_MINUTES = 240;
    static final int LATEST_OPENING_MINUTE = HALF_DAY_MINUTES - 30;

    /** Accessories the desk ships from central stock as parcels; headsets go through faster channels. */
    static final List<String> PARCEL_ACCESSORIES = List.of("KEYBOARD", "MOUSE", "CHARGER", "WEBCAM", "ADAPTER");

    public Scenario generate(ScenarioSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<String, List<LocalDate>> businessDays = new LinkedHashMap<>();
        List<GeneratedTicket> tickets = new ArrayList<>();
        for (PilotSite site : settings.sites()) {
            SiteCalendar calendar = new SiteCalendar(site.holidayRegion());
            List<LocalDate> days = calendar.businessDays(settings.firstDay(), settings.lastDay());
            businessDays.put(site.code(), days);
            if (days.isEmpty()) {
                continue;
            }
            long onSite = Math.round(site.onSitePerBusinessDay() * days.size());
            long meetingRooms = Math.round(onSite * settings.meetingRoomShareOfOnSite());
            long hardwareOnSite = onSite - meetingRooms;
            long hardware = Math.round(hardwareOnSite / (1 - settings.remoteShare()));
            SiteGenerator generator = new SiteGenerator(settings, site, calendar, days, random, tickets);
            generator.add(GeneratedTicket.Kind.HARDWARE_ON_SITE, hardwareOnSite);
            generator.add(GeneratedTicket.Kind.HARDWARE_REMOTE, hardware - hardwareOnSite);
            generator.add(GeneratedTicket.Kind.MEETING_ROOM, meetingRooms);
            generator.add(GeneratedTicket.Kind.ACCESSORY,
                    Math.round(settings.accessoriesPerBusinessDay() * days.size()));
            generator.add(GeneratedTicket.Kind.EQUIPMENT_RETURN,
                    Math.round(settings.returnsPerBusinessDay() * days.size()));
            generator.add(GeneratedTicket.Kind.ALLOCATION,
                    Math.round(settings.allocationsPerBusinessDay() * days.size()));
        }
        tickets.sort(Comparator.comparing(GeneratedTicket::openedAt).thenComparing(GeneratedTicket::key));
        return new Scenario(settings, businessDays, List.copyOf(tickets), absences(settings, random));
    }

    /**
     * Each technician's sick days: as many as the monthly rate gives over the period, on weekdays drawn at random,
     * each declared at 7:30 that morning. A second draw of the same day is one sick day.
     */
    private static List<GeneratedAbsence> absences(ScenarioSettings settings, SplittableRandom random) {
        List<LocalDate> weekdays = new SiteCalendar("FR").businessDays(settings.firstDay(), settings.lastDay());
        long months = Math.max(1, Math.round(weekdays.size() / 21.0));
        List<GeneratedAbsence> absences = new ArrayList<>();
        for (String technician : settings.technicians()) {
            java.util.Set<LocalDate> days = new java.util.TreeSet<>();
            for (long i = 0; i < Math.round(settings.sickDaysPerTechnicianPerMonth() * months) && !weekdays.isEmpty();
                    i++) {
                days.add(weekdays.get(random.nextInt(weekdays.size())));
            }
            for (LocalDate day : days) {
                absences.add(new GeneratedAbsence(technician, day, day.atTime(7, 30).atZone(ZONE).toInstant()));
            }
        }
        absences.sort(Comparator.comparing(GeneratedAbsence::declaredAt).thenComparing(GeneratedAbsence::technicianId));
        return List.copyOf(absences);
    }

    private static final class SiteGenerator {
        private final ScenarioSettings settings;
        private final PilotSite site;
        private final SiteCalendar calendar;
        private final List<LocalDate> days;
        private final SplittableRandom random;
        private final List<GeneratedTicket> out;
        private int sequence;

        SiteGenerator(ScenarioSettings settings, PilotSite site, SiteCalendar calendar, List<LocalDate> days,
                SplittableRandom random, List<GeneratedTicket> out) {
            this.settings = settings;
            this.site = site;
            this.calendar = calendar;
            this.days = days;
            this.random = random;
            this.out = out;
        }

        void add(GeneratedTicket.Kind kind, long count) {
            for (long i = 0; i < count; i++) {
                LocalDate day = days.get(random.nextInt(days.size()));
                Instant openedAt = businessInstant(day);
                Instant actedAt = openedAt.plusSeconds(60L * random.nextInt(5, 30));
                // Seed and first day in the key: two scenarios never share an idempotency key or an employee.
                String key = "R" + settings.seed() + "-" + settings.firstDay().format(DateTimeFormatter.BASIC_ISO_DATE)
                        + "-" + site.code() + "-" + String.format(Locale.ROOT, "%04d", ++sequence);
                String employee = "E-" + key;
                String accessory = null;
                String room = null;
                String asset = null;
                LocalDate startDate = null;
                Instant deliveredAt = null;
                switch (kind) {
                    case ACCESSORY -> {
                        accessory = PARCEL_ACCESSORIES.get(random.nextInt(PARCEL_ACCESSORIES.size()));
                        // A standard parcel arrives on the second business day after it leaves.
                        deliveredAt = businessInstant(calendar.nextBusinessDay(calendar.nextBusinessDay(day)));
                    }
                    case MEETING_ROOM -> room = site.meetingRooms().get(random.nextInt(site.meetingRooms().size()));
                    case EQUIPMENT_RETURN -> asset = "PC-" + key;
                    case ALLOCATION -> {
                        startDate = day.plusWeeks(2);
                        while (!calendar.isBusinessDay(startDate)) {
                            startDate = startDate.plusDays(1);
                        }
                    }
                    default -> {
                    }
                }
                GeneratedTicket.Survey survey = kind.surveyed() ? survey() : null;
                out.add(new GeneratedTicket(key, site.code(), kind, employee, openedAt, actedAt, accessory, room,
                        asset, startDate, deliveredAt, survey));
            }
        }

        /** Answered or not; satisfied (4 or 5) or not; answered within the first three days of the link. */
        private GeneratedTicket.Survey survey() {
            if (random.nextDouble() >= settings.surveyResponseRate()) {
                return new GeneratedTicket.Survey(null, null);
            }
            int rating = random.nextDouble() < settings.satisfiedShare() ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            return new GeneratedTicket.Survey(rating, Duration.ofMinutes(random.nextInt(10, 3 * 24 * 60)));
        }

        /** A random minute of a half-day of service, early enough for the desk to act within that half-day. */
        private Instant businessInstant(LocalDate day) {
            LocalTime start = random.nextBoolean() ? MORNING_START : AFTERNOON_START;
            return day.atTime(start.plusMinutes(random.nextInt(LATEST_OPENING_MINUTE))).atZone(ZONE).toInstant();
        }
    }
}
