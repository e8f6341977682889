package cn.gongkai.ledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark writes next to its figures about the machine it ran on (Linux's /proc; "?" elsewhere). */
final class Machine {

    private Machine() {
    }

    /** The load averages over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> "%.0f GiB".formatted(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
