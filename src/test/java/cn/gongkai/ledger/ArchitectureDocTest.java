package cn.gongkai.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * {@code docs/architecture.md} stays true where a test can tell: its module table names exactly
 * Spring Modulith's modules, its build-time graph exactly their dependencies (the open {@code platform}
 * aside), and its topic table exactly the topics the code defines (every {@code TOPIC} constant).
 */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final ApplicationModules MODULES = MainCode.modules();

    @Test
    void theModuleTableNamesExactlySpringModulithsModules() throws IOException {
        Set<String> modules = new TreeSet<>();
        MODULES.forEach(module -> modules.add(module.getName()));
        assertThat(new TreeSet<>(tableColumn(section("## Modules")))).isEqualTo(modules);
    }

    @Test
    void theBuildTimeGraphIsExactlyTheModulesDependencies() throws IOException {
        Set<String> actual = new TreeSet<>();
        for (ApplicationModule module : MODULES) {
            module.getDirectDependencies(MODULES).uniqueModules()
                    .filter(target -> !target.getName().equals("platform") && !target.equals(module))
                    .forEach(target -> actual.add(module.getName() + " --> " + target.getName()));
        }
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = Pattern.compile("(?m)^\\s*([a-z]+) --> ([a-z &]+)$")
                .matcher(block(section("## Build time")));
        while (arrow.find()) {
            for (String target : arrow.group(2).split("&")) {
                drawn.add(arrow.group(1) + " --> " + target.strip());
            }
        }
        assertThat(drawn).isEqualTo(actual);
    }

    @Test
    void theTopicTableNamesExactlyTheTopicsTheCodeDefines() throws Exception {
        Set<String> defined = new TreeSet<>();
        for (JavaField field : MainCode.classes().stream().flatMap(type -> type.getFields().stream()).toList()) {
            if (field.getName().equals("TOPIC") && field.getModifiers().contains(JavaModifier.STATIC)
                    && field.getRawType().isEquivalentTo(String.class)) {
                Field reflected = field.reflect();
                reflected.setAccessible(true);
                defined.add((String) reflected.get(null));
            }
        }
        assertThat(defined).hasSizeGreaterThanOrEqualTo(4);
        assertThat(new TreeSet<>(tableColumn(section("## Kafka topics")))).isEqualTo(defined);
    }

    private static String section(String heading) throws IOException {
        String doc = Files.readString(DOC);
        // a heading may go on after its first words ("## Build time: who may use whose API")
        int start = doc.startsWith(heading) ? 0 : doc.indexOf("\n" + heading);
        assertThat(start).as("docs/architecture.md has a section %s", heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + heading.length());
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    /** The first column of a Markdown table, where it is a code span: {@code | `name` | …}. */
    private static List<String> tableColumn(String section) {
        return section.lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3))).toList();
    }

    private static String block(String section) {
        int start = section.indexOf("```mermaid");
        assertThat(start).isNotNegative();
        return section.substring(start, section.indexOf("```", start + 3));
    }
}
