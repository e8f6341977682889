package cn.gongkai.ledger.requests.write.fee;

import cn.gongkai.ledger.requests.FeeMethod;

/**
 * The 信息处理费 tariff of 国办函〔2020〕109号, in 分. Pure arithmetic, no state.
 *
 * <ul>
 *   <li>按件 (per application), by the application's ordinal among the same applicant's applications
 *       in the natural month: 1st–10th free; 11th–30th 100 元; 31st–40th 200 元, 41st–50th 300 元,
 *       and 100 元 more for every further ten.</li>
 *   <li>按量 (per page) of one application: pages 1–30 free; 31–100 10 元 each; 101–200 20 元 each;
 *       from 201 40 元 each.</li>
 * </ul>
 */
public final class FeeSchedule {

    private static final long YUAN = 100;

    private FeeSchedule() {
    }

    public static long amountFen(FeeMethod method, int quantity) {
        return switch (method) {
            case PER_APPLICATION -> perApplication(quantity);
            case PER_PAGE -> perPage(quantity);
            case ENTERED -> throw new IllegalArgumentException("an entered amount is not computed");
        };
    }

    /** The fee for the {@code ordinal}-th application of one applicant in one natural month. */
    public static long perApplication(int ordinal) {
        if (ordinal <= 10) {
            return 0;
        }
        if (ordinal <= 30) {
            return 100 * YUAN;
        }
        return (200 + 100L * ((ordinal - 31) / 10)) * YUAN;
    }

    /** The fee for one application of {@code pages} pages. */
    public static long perPage(int pages) {
        long fee = 0;
        fee += 10 * YUAN * Math.max(0, Math.min(pages, 100) - 30);
        fee += 20 * YUAN * Math.max(0, Math.min(pages, 200) - 100);
        fee += 40 * YUAN * Math.max(0, pages - 200);
        return fee;
    }
}
