package cn.gongkai.ledger.calendar;

import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import java.util.List;

/**
 * A year's calendar that breaks the rules of {@link CalendarYear}; nothing is stored. Each problem
 * names its field ({@code holidays.2027-01-01}), the field in Chinese, and what is wrong in Chinese
 * and English. As an {@link InputRejected} it is answered with 400 by the platform's error handler.
 */
public class CalendarInputRejected extends InputRejected {

    public CalendarInputRejected(List<FieldProblem> problems) {
        super(problems);
    }
}
