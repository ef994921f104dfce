import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who used the CPU during a bench run, run by bench/run.sh in the background with {@code java CpuSampler.java}.
 * <p>
 * Every INTERVAL_MS it reads /proc/stat (the machine's busy and total jiffies) and /proc/PID/stat of every process,
 * and splits the busy time since the last sample between "ours" (the process trees rooted at the pids listed in
 * ROOTS_FILE, re-read on every sample: the bench script, PostgreSQL, Kafka, Keycloak, GreenMail, the services) and
 * "others" (machine busy time minus ours). Appends one line per sample to OUT_FILE:
 * {@code epoch_ms machine_busy machine_total ours others top_other_command top_other_jiffies}
 * (jiffies since the previous sample). Runs until STOP_FILE exists.
 * <p>
 * Usage: java CpuSampler.java ROOTS_FILE OUT_FILE STOP_FILE INTERVAL_MS
 */
public class CpuSampler {

    record Proc(int pid, int ppid, String comm, long starttime, long jiffies) {
    }

    public static void main(String[] args) throws Exception {
        Path roots = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path stop = Path.of(args[2]);
        long interval = Long.parseLong(args[3]);
        long[] lastCpu = machine();
        Map<Integer, Proc> last = procs();
        while (!Files.exists(stop)) {
            Thread.sleep(interval);
            long[] cpu = machine();
            Map<Integer, Proc> now = procs();
            Set<Integer> ours = tree(now, rootPids(roots));
            long oursJ = 0;
            Map<String, Long> others = new HashMap<>();
            for (Proc p : now.values()) {
                Proc before = last.get(p.pid());
                long delta = before != null && before.starttime() == p.starttime() ? p.jiffies() - before.jiffies() : p.jiffies();
                if (ours.contains(p.pid())) {
                    oursJ += delta;
                } else if (delta > 0) {
                    others.merge(p.comm(), delta, Long::sum);
                }
            }
            long busy = cpu[0] - lastCpu[0];
            long total = cpu[1] - lastCpu[1];
            String top = "-";
            long topJ = 0;
            for (var e : others.entrySet()) {
                if (e.getValue() > topJ) {
                    top = e.getKey().replace(' ', '_');
                    topJ = e.getValue();
                }
            }
            String line = System.currentTimeMillis() + " " + busy + " " + total + " " + Math.min(oursJ, busy) + " "
                    + Math.max(0, busy - oursJ) + " " + top + " " + topJ + "\n";
            Files.writeString(out, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            lastCpu = cpu;
            last = now;
        }
    }

    /** {busy, total} jiffies of all CPUs since boot. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
        return new long[] {total - idle, total};
    }

    private static Map<Integer, Proc> procs() {
        Map<Integer, Proc> m = new HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                try {
                    String s = Files.readString(d.resolve("stat"));
                    int open = s.indexOf('('), close = s.lastIndexOf(')');
                    String comm = s.substring(open + 1, close);
                    String[] f = s.substring(close + 2).split(" ");
                    // f[0] = state (field 3); utime = field 14, stime = 15, starttime = 22
                    int pid = Integer.parseInt(s.substring(0, open).trim());
                    m.put(pid, new Proc(pid, Integer.parseInt(f[1]), comm, Long.parseLong(f[19]),
                            Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read it
                }
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return m;
    }

    private static Set<Integer> rootPids(Path roots) {
        Set<Integer> s = new HashSet<>();
        try {
            for (String line : Files.readAllLines(roots)) {
                if (line.strip().matches("[0-9]+")) {
                    s.add(Integer.parseInt(line.strip()));
                }
            }
        } catch (IOException ignored) {
            // not written yet
        }
        return s;
    }

    private static Set<Integer> tree(Map<Integer, Proc> procs, Set<Integer> roots) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (Proc p : procs.values()) {
            children.computeIfAbsent(p.ppid(), k -> new java.util.ArrayList<>()).add(p.pid());
        }
        Set<Integer> out = new HashSet<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            int pid = todo.pop();
            if (out.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return out;
    }
}
