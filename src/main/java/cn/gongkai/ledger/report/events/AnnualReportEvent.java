package cn.gongkai.ledger.report.events;

/** Something that happened to one agency's report of one year. Who and when live in the metadata. */
public sealed interface AnnualReportEvent
        permits Part2FiguresEntered, Part2FiguresCorrected, ProseSaved, GateWarningAcknowledged,
        AnnualReportPublished {

    String agencyId();

    int year();
}
