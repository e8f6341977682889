package cn.gongkai.ledger.platform;

/**
 * The version a client based a change on, from its {@code If-Match} header ({@code "7"}, {@code W/"7"}
 * or {@code 7}): a command that carries it is refused with 409 if the stream moved on since.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The expected version, or null if the header is absent.
     *
     * @param whoseZh whose version it is, in Chinese ({@code 申请}), for the error message
     * @param whoseEn the same in English ({@code application's})
     */
    public static Long expectedVersion(String ifMatch, String whoseZh, String whoseEn) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InputRejected(FieldProblem.of("If-Match",
                    "应为" + whoseZh + "的版本号，例如 \"3\"", "must be the " + whoseEn + " version, e.g. \"3\""));
        }
    }
}
