package cn.gongkai.ledger.statistics;

import java.util.List;

/**
 * What to look at before a year is closed: the publication gate of the year's report, as far as it can be run
 * before the close (errors and warnings, each naming its cells, applications or sentence). Implemented by the
 * report module, which checks the whole report; statistics only shows it beside the close, so that the head sees
 * the same list before closing as before publishing.
 */
public interface YearEndChecklist {

    List<Item> before(String agencyId, int year);

    /**
     * One finding.
     *
     * @param severity     {@code ERROR} (blocks publishing) or {@code WARNING} (needs a written acknowledgement)
     * @param acknowledged for a warning, whether it has been acknowledged
     */
    record Item(String severity, String rule, String messageZh, String messageEn, List<String> cells,
                List<String> applications, String sentence, boolean acknowledged) {

        public Item {
            cells = List.copyOf(cells);
            applications = List.copyOf(applications);
        }
    }
}
