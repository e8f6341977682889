package cn.gongkai.ledger.statistics;

/**
 * Records the tables of a closed year as published (the event {@code ReportPublished}), so that later corrections
 * show in {@code GET /api/statistics/{year}/publication-diff}. The report module calls it when it publishes the
 * whole report; {@code POST /api/statistics/{year}/publish} does the same for the tables alone.
 */
public interface TablePublications {

    void publish(String agencyId, int year);
}
