import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-in -> Kafka -> notification latency, run by bench/run.sh with {@code java AlertLatency.java} (JDK only).
 * <p>
 * Subscribes to notification-service's live stream (GET /notifications/stream, Server-Sent Events) as a clinician on
 * every care team, then records check-ins with a red flag (saddle numbness) through tracking-service at a fixed rate
 * (open loop: a slow answer does not delay the next send). Each one raises an urgent red-flag alert (the caller closes
 * the episodes in between, see bench/run.sh), which tracking-service's outbox sends to Kafka and notification-service
 * turns into a notification on the stream. Latency = stream event received - request sent, matched by patient id
 * (each patient has at most one alert in flight: patients are used round-robin). Prints one JSON line, with the
 * PUTs' own latency beside it (to tell a slow check-in from a slow way to the stream).
 * <p>
 * Usage: java AlertLatency.java TRACKING_URL NOTIFICATION_URL TOKEN PATIENTS_FILE RATE_PER_S DURATION_S DAY_BASE GRACE_S
 * DAY_BASE is the epoch day of the newest day to write; request k writes day DAY_BASE - floor(k / patients).
 */
public class AlertLatency {

    private static final Pattern PATIENT = Pattern.compile("\"patientId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([a-z-]+)\"");
    private static final String BODY = "{\"pain\":7,\"locations\":[\"lower-back\"],\"legSymptoms\":true,"
            + "\"triggers\":[\"bending\"],\"relievers\":[\"rest\"],\"redFlags\":[\"saddle-numbness\"]}";

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: java AlertLatency.java TRACKING_URL NOTIFICATION_URL TOKEN PATIENTS_FILE RATE DURATION_S DAY_BASE GRACE_S");
            System.exit(2);
        }
        String trackingUrl = args[0];
        String notificationUrl = args[1];
        String token = args[2];
        List<String> patients = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        int rate = Integer.parseInt(args[4]);
        int durationS = Integer.parseInt(args[5]);
        long dayBase = Long.parseLong(args[6]);
        int graceS = Integer.parseInt(args[7]);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        Map<String, ArrayDeque<Long>> pending = new ConcurrentHashMap<>();
        List<Long> latenciesNs = Collections.synchronizedList(new ArrayList<>());
        List<Long> putNs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unmatched = new AtomicInteger();
        AtomicInteger otherEvents = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(1);

        // The stream: one event per line "data:{...}" (a multi-line event is rare for a one-object JSON payload).
        HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(notificationUrl + "/notifications/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        var stream = client.sendAsync(streamRequest, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                System.err.println("stream answered HTTP " + response.statusCode());
                System.exit(1);
            }
            connected.countDown();
            response.body().forEach(line -> {
                long now = System.nanoTime();
                if (!line.startsWith("data:")) {
                    return;
                }
                Matcher kind = KIND.matcher(line);
                Matcher patient = PATIENT.matcher(line);
                if (!kind.find() || !kind.group(1).equals("red-flag") || !patient.find()) {
                    otherEvents.incrementAndGet();
                    return;
                }
                ArrayDeque<Long> q = pending.get(patient.group(1));
                Long sent;
                synchronized (q == null ? AlertLatency.class : q) {
                    sent = q == null ? null : q.pollFirst();
                }
                if (sent == null) {
                    unmatched.incrementAndGet();
                } else {
                    latenciesNs.add(now - sent);
                }
            });
        });
        if (!connected.await(15, TimeUnit.SECONDS)) {
            System.err.println("no answer from " + notificationUrl + "/notifications/stream within 15 s");
            System.exit(1);
        }
        Thread.sleep(1000); // the subscription is registered once the response has started; give it a moment

        AtomicInteger sentCount = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        int total = rate * durationS;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch allSent = new CountDownLatch(total);
        long periodNs = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            int k = sentCount.getAndIncrement();
            if (k >= total) {
                return;
            }
            String p = patients.get(k % patients.size());
            LocalDate day = LocalDate.ofEpochDay(dayBase - k / patients.size());
            HttpRequest put = HttpRequest.newBuilder(URI.create(trackingUrl + "/patients/" + p + "/check-ins/" + day))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(BODY)).build();
            ArrayDeque<Long> q = pending.computeIfAbsent(p, x -> new ArrayDeque<>());
            long sentAt = System.nanoTime();
            synchronized (q) {
                q.addLast(sentAt);
            }
            client.sendAsync(put, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                putNs.add(System.nanoTime() - sentAt);
                if (e != null) {
                    failures.incrementAndGet();
                } else {
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else if (failures.get() + statuses.size() < 5) {
                        System.err.println("PUT " + p + "/" + day + ": HTTP " + r.statusCode() + " " + r.body());
                    }
                }
                allSent.countDown();
            });
        }, 0, periodNs, TimeUnit.NANOSECONDS);
        allSent.await(durationS + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();

        long deadline = System.nanoTime() + graceS * 1_000_000_000L;
        while (latenciesNs.size() < ok.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        stream.cancel(true);

        List<Long> sorted;
        synchronized (latenciesNs) {
            sorted = new ArrayList<>(latenciesNs);
        }
        Collections.sort(sorted);
        int received = sorted.size();
        List<Long> puts;
        synchronized (putNs) {
            puts = new ArrayList<>(putNs);
        }
        Collections.sort(puts);
        StringBuilder st = new StringBuilder();
        statuses.forEach((code, n) -> st.append(st.length() == 0 ? "" : ",").append('"').append(code).append("\":").append(n.get()));
        System.out.printf(java.util.Locale.ROOT,
                "BENCH_JSON {\"rate_per_s\":%d,\"duration_s\":%d,\"sent\":%d,\"accepted\":%d,\"http_failures\":%d,"
                        + "\"statuses\":{%s},\"received\":%d,\"lost\":%d,\"unmatched\":%d,\"other_events\":%d,"
                        + "\"latency_ms\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
                        + "\"put_latency_ms\":{\"p50\":%.1f,\"p99\":%.1f}}%n",
                rate, durationS, Math.min(sentCount.get(), total), ok.get(), failures.get(), st, received,
                Math.max(0, ok.get() - received), unmatched.get(), otherEvents.get(),
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.isEmpty() ? -1.0 : sorted.get(received - 1) / 1e6,
                pct(puts, 50), pct(puts, 99));
        System.exit(0);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
