package cn.gongkai.ledger.requests.write.notices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{占位符}}} a notice text may use, and how they are filled. */
final class Placeholders {

    /** Every placeholder the letters fill, in the words of the letters. */
    static final List<String> NAMES = List.of("申请人", "登记号", "收到申请日期", "申请渠道", "申请内容", "答复期限",
            "补正事项", "告知补正日期", "补正期限", "原答复期限", "延长工作日", "延长后答复期限", "延期理由",
            "征求意见对象", "征求意见日期", "提出意见期限", "收费方式", "收费数量", "收费金额", "收费通知日期", "缴费期限",
            "办理结果", "法律依据", "答复正文", "机关名称", "出具日期");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    private Placeholders() {
    }

    static List<String> unknownIn(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1).strip())) {
                unknown.add(matcher.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * The body's paragraphs (one a line) with every placeholder filled; a paragraph left blank once
     * filled (an answer without further text) is dropped. A value never becomes a placeholder itself.
     */
    static List<String> fill(String body, Map<String, String> values) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : body.split("\\R")) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = values.getOrDefault(matcher.group(1).strip(), "");
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
            }
            matcher.appendTail(filled);
            for (String paragraph : filled.toString().split("\\R")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(paragraph.strip());
                }
            }
        }
        return paragraphs;
    }
}
