package cn.gongkai.ledger.calendar;

/** How a listed day departs from the weekend rule. The names are stored in {@code calendar_day.kind}. */
public enum DayKind {

    /** A public holiday (法定节假日或调休放假): not a working day, whatever day of the week. */
    HOLIDAY("节假日"),

    /** A Saturday or Sunday turned into a working day by the holiday notice (调休上班). */
    ADJUSTED_WORKDAY("调休上班日");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    /** The Chinese name of the kind. */
    public String label() {
        return label;
    }
}
