package cn.gongkai.ledger.requests.imports;

import static cn.gongkai.ledger.requests.imports.RegisterColumn.*;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.imports.RegisterFile.Line;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a register's rows into the events each implies, or into refusals naming the row, the column and
 * the rule. The checks are those a registration and its later steps meet in the aggregate, applied to a
 * row as a whole: dates readable, not before 2008 and not in the future, nothing before the receipt,
 * labels the official ones, no year already closed, one row per registration number.
 */
final class RegisterRows {

    /** What one valid row becomes. */
    record Planned(int row, String registrationNumber, UUID requestId, String rowSha256, String idNumber,
                   List<RequestEvent> events) {

        RequestReceived received() {
            return (RequestReceived) events.getFirst();
        }

        RequestConcluded conclusion() {
            return events.getLast() instanceof RequestConcluded concluded ? concluded : null;
        }
    }

    /** Why one row cannot be imported. {@code column} is the Chinese header, {@code field} its English name. */
    record Refusal(int row, String column, String field, String rule, String messageZh, String messageEn) {
    }

    record Result(List<Planned> planned, List<Refusal> refusals) {
    }

    static final String WITHDRAWN = "申请人撤回";
    private static final LocalDate EARLIEST = LocalDate.of(2008, 1, 1);
    private static final Pattern NUMBERED = Pattern.compile("(\\d{4})-(\\d{1,9})");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}");
    private static final Map<String, Object> CONCLUSIONS = conclusions();
    private static final Map<String, Channel> CHANNELS = labelled(Channel.values(), Channel::label);
    private static final Map<String, ApplicantCategory> CATEGORIES = labelled(ApplicantCategory.values(), ApplicantCategory::label);
    private static final Map<String, DeliveryForm> DELIVERY_FORMS = labelled(DeliveryForm.values(), DeliveryForm::label);

    private final String agencyId;
    private final LocalDate today;
    private final Set<Integer> closedYears;
    private final String importedBy;

    RegisterRows(String agencyId, LocalDate today, Set<Integer> closedYears, String importedBy) {
        this.agencyId = agencyId;
        this.today = today;
        this.closedYears = closedYears;
        this.importedBy = importedBy;
    }

    Result plan(RegisterFile file) {
        List<Planned> planned = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Line line : file.lines()) {
            List<Refusal> problems = new ArrayList<>();
            Planned row = row(line, problems);
            String number = line.get(REGISTRATION_NUMBER);
            if (!number.isEmpty()) {
                Integer earlier = firstRow.putIfAbsent(number, line.number());
                if (earlier != null) {
                    problems.add(refusal(line, REGISTRATION_NUMBER, "RegistrationNumberTwiceInFile",
                            "登记号 " + number + " 在第 " + earlier + " 行已出现", "registration number " + number
                                    + " already appears in row " + earlier));
                }
            }
            if (problems.isEmpty() && row != null) {
                planned.add(row);
            } else {
                refusals.addAll(problems);
            }
        }
        return new Result(planned, refusals);
    }

    private Planned row(Line line, List<Refusal> problems) {
        for (RegisterColumn column : RegisterColumn.values()) {
            String value = line.get(column);
            if (column.required() && value.isEmpty()) {
                problems.add(refusal(line, column, "Required", "必填", "required"));
            } else if (CONTROL.matcher(value).find()) {
                problems.add(refusal(line, column, "NoControlCharacters", "含有控制字符", "contains control characters"));
            } else if (column != INFORMATION_REQUESTED && value.length() > 200) {
                problems.add(refusal(line, column, "TooLong", "不能超过 200 个字符", "at most 200 characters"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String number = line.get(REGISTRATION_NUMBER);
        LocalDate receivedOn = date(line, RECEIVED_ON, problems);
        Channel channel = code(line, CHANNEL, CHANNELS, problems, "UnknownChannel", "申请渠道");
        ApplicantCategory category = code(line, APPLICANT_CATEGORY, CATEGORIES, problems, "UnknownApplicantCategory", "申请人类型");
        DeliveryForm delivery = line.get(DELIVERY_FORM).isEmpty() ? null
                : code(line, DELIVERY_FORM, DELIVERY_FORMS, problems, "UnknownDeliveryForm", "获取信息方式");
        Object conclusion = null;
        if (!line.get(OUTCOME).isEmpty()) {
            conclusion = CONCLUSIONS.get(key(line.get(OUTCOME)));
            if (conclusion == null) {
                problems.add(refusal(line, OUTCOME, "UnknownOutcome", "未知的办理结果：应为《年度报告格式》第三部分的 21 项办理结果之一或“"
                        + WITHDRAWN + "”", "unknown outcome: one of the 21 outcome rows of part 三, or " + WITHDRAWN));
            }
        }
        LocalDate concludedOn = line.get(CONCLUDED_ON).isEmpty() ? null : date(line, CONCLUDED_ON, problems);
        if (line.get(OUTCOME).isEmpty() != line.get(CONCLUDED_ON).isEmpty()) {
            RegisterColumn missing = line.get(OUTCOME).isEmpty() ? OUTCOME : CONCLUDED_ON;
            problems.add(refusal(line, missing, "OutcomeAndDateTogether", "办理结果与答复日期须同时填写或同时留空",
                    "outcome and answer date go together: both or neither"));
        }
        boolean extended = switch (line.get(EXTENDED)) {
            case "", "否", "N", "n", "no", "false" -> false;
            case "是", "Y", "y", "yes", "true" -> true;
            default -> {
                problems.add(refusal(line, EXTENDED, "YesOrNo", "应为“是”或“否”", "must be 是 (yes) or 否 (no)"));
                yield false;
            }
        };
        LocalDate extendedOn = line.get(EXTENDED_ON).isEmpty() ? null : date(line, EXTENDED_ON, problems);
        int extensionDays = 20;
        if (!line.get(EXTENSION_DAYS).isEmpty()) {
            try {
                extensionDays = Integer.parseInt(line.get(EXTENSION_DAYS));
            } catch (NumberFormatException e) {
                extensionDays = -1;
            }
            if (extensionDays < 1 || extensionDays > 20) {
                problems.add(refusal(line, EXTENSION_DAYS, "ExtensionAtMost20WorkingDays",
                        "延长的工作日数应为 1 至 20（条例第三十三条）", "extension must be 1 to 20 working days (条例 第三十三条)"));
            }
        }
        if (!extended && (extendedOn != null || !line.get(EXTENSION_DAYS).isEmpty())) {
            problems.add(refusal(line, EXTENDED, "ExtensionDetailsWithoutExtension", "填写了延期日期或工作日数，是否延期应为“是”",
                    "extension date or days given: 是否延期 must be 是"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (closedYears.contains(receivedOn.getYear())) {
            problems.add(refusal(line, RECEIVED_ON, "YearClosed", receivedOn.getYear() + " 年度已结转关闭，不能再导入该年收到的申请",
                    "year " + receivedOn.getYear() + " is closed: applications received in it cannot be imported"));
        }
        if (concludedOn != null) {
            if (concludedOn.isBefore(receivedOn)) {
                problems.add(refusal(line, CONCLUDED_ON, "AnsweredBeforeReceived", "答复日期早于收到申请日期 " + receivedOn,
                        "answered before the application was received (" + receivedOn + ")"));
            }
            if (closedYears.contains(concludedOn.getYear()) && !closedYears.contains(receivedOn.getYear())) {
                problems.add(refusal(line, CONCLUDED_ON, "YearClosed", concludedOn.getYear() + " 年度已结转关闭，不能再导入在该年办结的申请",
                        "year " + concludedOn.getYear() + " is closed: applications concluded in it cannot be imported"));
            }
        }
        if (extended) {
            if (extendedOn == null) {
                extendedOn = receivedOn;
            }
            if (extendedOn.isBefore(receivedOn)) {
                problems.add(refusal(line, EXTENDED_ON, "ExtendedBeforeReceived", "延期日期早于收到申请日期",
                        "extended before the application was received"));
            } else if (concludedOn != null && extendedOn.isAfter(concludedOn)) {
                problems.add(refusal(line, EXTENDED_ON, "ExtendedAfterConclusion", "延期日期晚于答复日期",
                        "extended after the answer"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        UUID requestId = requestId(agencyId, number);
        List<RequestEvent> events = new ArrayList<>(3);
        ApplicantDetails applicant = new ApplicantDetails(line.get(APPLICANT_NAME), blankToNull(line.get(ID_DOCUMENT_TYPE)),
                blankToNull(line.get(ID_NUMBER)), blankToNull(line.get(PHONE)), blankToNull(line.get(ADDRESS)));
        events.add(new RequestReceived(requestId, agencyId, number, channel, receivedOn, receivedOn, category, applicant,
                line.get(INFORMATION_REQUESTED), delivery));
        if (extended) {
            events.add(new DeadlineExtended(requestId, extensionDays, "导入的台账记载已延期 / extended per the imported register",
                    importedBy, extendedOn));
        }
        if (conclusion == WITHDRAWN) {
            events.add(new RequestWithdrawn(requestId, "导入的台账记载申请人撤回 / withdrawn per the imported register", concludedOn));
        } else if (conclusion instanceof Outcome outcome) {
            events.add(outcome.isAnswerOutcome()
                    ? new RequestAnswered(requestId, 0, outcome, concludedOn)
                    : new RequestLapsed(requestId, outcome, concludedOn));
        }
        return new Planned(line.number(), number, requestId, sha256(line), blankToNull(line.get(ID_NUMBER)), List.copyOf(events));
    }

    /** The application's id: derived from the agency and the original number, so that a second import finds it. */
    static UUID requestId(String agencyId, String registrationNumber) {
        return UUID.nameUUIDFromBytes(("register-import\u001f" + agencyId + "\u001f" + registrationNumber)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The number within its year, when the original number has the service's form {@code yyyy-n}. */
    static int[] yearAndNumber(String registrationNumber) {
        Matcher matcher = NUMBERED.matcher(registrationNumber);
        return matcher.matches() ? new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))} : null;
    }

    static String sha256(Line line) {
        StringBuilder text = new StringBuilder();
        for (RegisterColumn column : RegisterColumn.values()) {
            text.append(line.get(column)).append('\u001f');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate date(Line line, RegisterColumn column, List<Refusal> problems) {
        String text = line.get(column);
        LocalDate date = parseDate(text);
        if (date == null) {
            problems.add(refusal(line, column, "DateFormat", "应为 yyyy-MM-dd 格式，例如 2026-03-15",
                    "expected yyyy-MM-dd, e.g. 2026-03-15"));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(refusal(line, column, "NoDateInTheFuture", "日期 " + date + " 晚于今天 " + today,
                    "date " + date + " is after today " + today));
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(refusal(line, column, "NotBefore2008", "日期不能早于 2008-01-01（条例施行之年）",
                    "date before 2008-01-01, the statute's first year"));
            return null;
        }
        return date;
    }

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));

    static LocalDate parseDate(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static <T extends Enum<T>> T code(Line line, RegisterColumn column, Map<String, T> codes, List<Refusal> problems,
                                              String rule, String what) {
        T value = codes.get(key(line.get(column)));
        if (value == null) {
            problems.add(refusal(line, column, rule, "未知的" + what + "，应为：" + String.join("、", labels(codes)),
                    "unknown " + column.field() + ", expected one of: " + String.join(", ", labels(codes))));
        }
        return value;
    }

    private static <T> List<String> labels(Map<String, T> codes) {
        return codes.keySet().stream().filter(k -> !k.matches("[A-Z_]+")).sorted().toList();
    }

    private static Refusal refusal(Line line, RegisterColumn column, String rule, String zh, String en) {
        return new Refusal(line.number(), column.header(), column.field(), rule, column.header() + "：" + zh, column.field() + ": " + en);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Labels compared without spaces and with ASCII and full-width parentheses and dots alike. */
    private static String key(String text) {
        return text.replace(" ", "").replace("\u3000", "").replace('（', '(').replace('）', ')').replace('．', '.')
                .replace('，', ',').toUpperCase(Locale.ROOT).replace("(", "").replace(")", "");
    }

    private static <T extends Enum<T>> Map<String, T> labelled(T[] values, java.util.function.Function<T, String> label) {
        Map<String, T> map = new java.util.LinkedHashMap<>();
        for (T value : values) {
            map.put(key(label.apply(value)), value);
            map.put(value.name(), value);
        }
        return Map.copyOf(map);
    }

    private static Map<String, Object> conclusions() {
        Map<String, Object> map = new HashMap<>();
        for (Outcome outcome : Outcome.values()) {
            map.put(outcome.name(), outcome);
            map.put(key(outcome.label()), outcome);
            if (outcome.group() != null) {
                map.put(key(outcome.group() + outcome.label()), outcome);
            }
        }
        map.put(key("予以公开"), Outcome.DISCLOSED);
        map.put(key("(二) 部分公开"), Outcome.PARTIALLY_DISCLOSED);
        map.put(key("部分公开"), Outcome.PARTIALLY_DISCLOSED);
        map.put(key(WITHDRAWN), WITHDRAWN);
        map.put(key("撤回"), WITHDRAWN);
        map.put("WITHDRAWN", WITHDRAWN);
        return Map.copyOf(map);
    }
}
