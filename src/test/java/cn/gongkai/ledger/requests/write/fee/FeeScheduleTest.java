package cn.gongkai.ledger.requests.write.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.requests.FeeMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2020 tariff (国办函〔2020〕109号) at each of its boundaries, in 分. */
class FeeScheduleTest {

    @ParameterizedTest(name = "application no. {0} of the month costs {1} fen")
    @CsvSource({
            "1,  0",
            "10, 0",
            "11, 10000",
            "30, 10000",
            "31, 20000",
            "40, 20000",
            "41, 30000",
            "50, 30000",
            "51, 40000",
    })
    void perApplicationTheFeeRisesByTheApplicantsCountInTheMonth(int ordinal, long fen) {
        long amount = FeeSchedule.amountFen(FeeMethod.PER_APPLICATION, ordinal);
        assertThat(amount).isEqualTo(fen);
    }

    @ParameterizedTest(name = "{0} pages cost {1} fen")
    @CsvSource({
            "1,   0",
            "30,  0",
            "31,  1000",
            "100, 70000",
            "101, 72000",
            "200, 270000",
            "201, 274000",
            "250, 470000",
    })
    void perPageEachBandIsChargedAtItsOwnRate(int pages, long fen) {
        long amount = FeeSchedule.amountFen(FeeMethod.PER_PAGE, pages);
        assertThat(amount).isEqualTo(fen);
    }

    @Test
    void anEnteredAmountIsNeverComputed() {
        assertThatThrownBy(() -> FeeSchedule.amountFen(FeeMethod.ENTERED, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
