package cn.gongkai.ledger.platform;

/**
 * The one way a projection writes text that came from an event into PostgreSQL. The event store
 * keeps whatever was accepted (a NUL in a case number, a lone surrogate), and a read model must
 * not stop on it: PostgreSQL's {@code text} cannot hold NUL ({@code invalid byte sequence for
 * encoding "UTF8": 0x00}) and {@code jsonb} refuses the escape {@code \u0000}. So a projection
 * stores a cleaned copy; the event itself stays as it is.
 *
 * <p>Contract of {@link #of}: the result holds no NUL and no other C0 or C1 control character
 * except tab, line feed and carriage return (they are dropped), no unpaired surrogate (each becomes
 * U+FFFD), and at most {@link #MAX_CODE_POINTS} code points (longer text is cut, never inside a
 * pair, and ends with {@code …}). {@code null} stays {@code null}; text that needs no change is
 * returned as is (the same instance), so a clean value costs one scan.
 */
public final class ProjectionText {

    /** The longest text a projection stores in one column, in code points. */
    public static final int MAX_CODE_POINTS = 4000;

    private static final char ELLIPSIS = '…';

    private ProjectionText() {
    }

    /** {@code value} as a projection may store it in a {@code text} column (see the class contract). */
    public static String of(String value) {
        return of(value, MAX_CODE_POINTS);
    }

    /** As {@link #of(String)}, cut at {@code maxCodePoints} (at least 1). */
    public static String of(String value, int maxCodePoints) {
        if (value == null) {
            return null;
        }
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be at least 1: " + maxCodePoints);
        }
        if (isClean(value, maxCodePoints)) {
            return value;
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), maxCodePoints * 2));
        int kept = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            i += width;
            if (dropped(codePoint)) {
                continue;
            }
            if (kept == maxCodePoints - 1 && hasKeptAfter(value, i)) {
                clean.append(ELLIPSIS);
                return clean.toString();
            }
            clean.appendCodePoint(Character.isSurrogate((char) codePoint) && width == 1 ? 0xFFFD : codePoint);
            kept++;
        }
        return clean.toString();
    }

    /**
     * A JSON document as a projection may store it in a {@code jsonb} column: the escape
     * {@code \u0000} (which {@code jsonb} refuses) is removed from it, an escaped backslash before
     * {@code u0000} is left alone; raw NULs and unpaired surrogates are handled as in {@link #of}.
     * Not cut: a JSON document must stay whole.
     */
    public static String json(String document) {
        if (document == null) {
            return null;
        }
        String raw = of(document, Integer.MAX_VALUE);
        if (!raw.contains("\\u0000")) {
            return raw;
        }
        StringBuilder clean = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                if (raw.startsWith("u0000", i + 1)) {
                    i += 5;
                    continue;
                }
                clean.append(c).append(raw.charAt(i + 1));
                i++;
                continue;
            }
            clean.append(c);
        }
        return clean.toString();
    }

    private static boolean isClean(String value, int maxCodePoints) {
        if (value.length() > maxCodePoints && value.codePointCount(0, value.length()) > maxCodePoints) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (dropped(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasKeptAfter(String value, int from) {
        for (int i = from; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!dropped(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean dropped(int codePoint) {
        return codePoint != '\t' && codePoint != '\n' && codePoint != '\r'
                && (codePoint < 0x20 || codePoint >= 0x7F && codePoint <= 0x9F);
    }
}
