package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.documents.Pdf;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.NoticeDelivered;
import cn.gongkai.ledger.requests.events.NoticeIssued;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.read.RequestFile;
import cn.gongkai.ledger.requests.read.StatutoryDeadlines;
import cn.gongkai.ledger.requests.write.Rules;
import cn.gongkai.ledger.requests.write.answer.IssueAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of one application: previewed, issued (numbered, rendered, stored, recorded in one
 * transaction), delivered, listed and downloaded.
 *
 * <p><b>Issuing</b> draws the 文号, renders the files with it, stores them encrypted and sends
 * {@link IssueNotice} in one Spring transaction, which the command's unit of work joins: if the
 * aggregate refuses the letter (an outcome other than the approved draft's, a notice without its
 * step, a stale {@code If-Match}), or anything else fails, the number, the files and the event all
 * roll back, and the next letter gets the same number. An answer letter for an approved, not yet
 * given answer gives the answer ({@link IssueAnswer}) in the same transaction: the two go out together.
 */
@Component
public class Notices {

    private final EventStore eventStore;
    private final CurrentActor currentActor;
    private final NoticeTemplates templates;
    private final NoticeNumbers numbers;
    private final NoticeFiles files;
    private final CommandGateway commands;
    private final CalendarService calendar;
    private final LetterComposer composer;
    private final Clock clock;

    Notices(EventStore eventStore, CurrentActor currentActor, NoticeTemplates templates, NoticeNumbers numbers,
            NoticeFiles files, CommandGateway commands, CalendarService calendar, StatutoryDeadlines deadlines,
            Clock clock) {
        this.eventStore = eventStore;
        this.currentActor = currentActor;
        this.templates = templates;
        this.numbers = numbers;
        this.files = files;
        this.commands = commands;
        this.calendar = calendar;
        this.composer = new LetterComposer(deadlines);
        this.clock = clock;
    }

    /** A rendered file. */
    public record Rendered(byte[] content, NoticeFormat format, String fileName) {
    }

    /** What issuing answers: the letter's id, 文号 and hashes. */
    public record Issued(UUID requestId, UUID noticeId, NoticeKind kind, Outcome outcome, String documentNumber,
                         int templateVersion, int letterheadVersion, String sha256Docx, String sha256Pdf,
                         LocalDate issuedOn, long version) {
    }

    /**
     * One letter as the history holds it. {@code fileReadable} is false once the applicant's data
     * was erased: the hashes still prove what was sent.
     *
     * @param reconsiderationBy for a delivered answer letter, the last day to apply for 行政复议 (60 days from delivery)
     * @param litigationBy      for a delivered answer letter, the last day to sue (6 months from delivery)
     */
    public record NoticeEntry(UUID noticeId, NoticeKind kind, String kindLabel, Outcome outcome,
                              String documentNumber, int templateVersion, int letterheadVersion, String sha256Docx,
                              String sha256Pdf, LocalDate issuedOn, OffsetDateTime issuedAt, String issuedBy,
                              Delivery delivery, LocalDate reconsiderationBy, LocalDate litigationBy,
                              boolean fileReadable) {
    }

    /** 送达: how and when, and by whom it was recorded. */
    public record Delivery(DeliveryMethod method, String methodLabel, LocalDate deliveredOn, String trackingNumber,
                           String recordedBy) {
    }

    /** The letter as it would be issued today (or on {@code on}), without recording or numbering anything. */
    public Rendered preview(UUID requestId, NoticeKind kind, Outcome outcome, LocalDate on, NoticeFormat format) {
        Application application = load(requestId);
        LocalDate issuedOn = on != null ? on : BusinessClock.today(clock);
        Outcome stated = kind == NoticeKind.ANSWER ? application.answerOutcome(outcome) : null;
        Letter letter = compose(application, kind, stated, "（预览，出具时编号）", issuedOn);
        return render(letter, format, application.registrationNumber() + "-" + kind.label() + "-预览");
    }

    /** Issues a letter; see the class comment for what happens in its transaction. */
    @Transactional
    public Issued issue(UUID requestId, Long expectedVersion, NoticeKind kind, Outcome outcome, LocalDate issuedOn) {
        Application application = load(requestId);
        if (!files.readable(requestId)) {
            throw new RuleViolation("NoLetterAfterErasure", "申请人个人信息已删除，不能再出具文书",
                    "the applicant's personal data was erased: no letter can be issued");
        }
        Outcome stated = null;
        boolean givesTheAnswer = false;
        if (kind == NoticeKind.ANSWER) {
            stated = outcome != null ? outcome : application.approvedOutcome();
            givesTheAnswer = application.status() == RequestStatus.ANSWER_APPROVED;
            if (!givesTheAnswer && !application.concluded()) {
                throw Rules.answerLetterWithTheAnswer();
            }
        }
        Letterhead letterhead = templates.letterhead(application.agencyId());
        Template template = templates.template(application.agencyId(), kind, stated);
        String documentNumber = letterhead.documentNumber(issuedOn.getYear(),
                numbers.next(application.agencyId(), issuedOn.getYear()));
        Letter letter = composer.compose(application.events(), kind, stated, letterhead, template, documentNumber,
                issuedOn, calendar.current());
        UUID noticeId = UUID.randomUUID();
        byte[] docx = DocxLetter.render(letter);
        files.store(requestId, noticeId, NoticeFormat.DOCX, docx);
        byte[] pdf = Pdf.fromXhtml(XhtmlLetter.render(letter));
        files.store(requestId, noticeId, NoticeFormat.PDF, pdf);
        String sha256Pdf = sha256(pdf);
        Long letterVersion = expectedVersion;
        if (givesTheAnswer) {
            commands.sendAndWait(new IssueAnswer(requestId, expectedVersion, issuedOn));
            letterVersion = null;
        }
        commands.sendAndWait(new IssueNotice(requestId, letterVersion, noticeId, kind, stated, documentNumber,
                template.version(), letterhead.version(), sha256(docx), sha256Pdf, issuedOn));
        long version = eventStore.lastSequenceNumberFor(requestId.toString()).orElse(-1L);
        return new Issued(requestId, noticeId, kind, stated, documentNumber, template.version(), letterhead.version(),
                sha256(docx), sha256Pdf, issuedOn, version);
    }

    /** The letters issued for the application, oldest first, with their deliveries. */
    public List<NoticeEntry> list(UUID requestId) {
        Application application = load(requestId);
        boolean readable = files.readable(requestId);
        Map<UUID, NoticeEntry> entries = new LinkedHashMap<>();
        for (Recorded recorded : application.recorded()) {
            if (recorded.event() instanceof NoticeIssued e) {
                entries.put(e.noticeId(), new NoticeEntry(e.noticeId(), e.kind(), e.kind().label(), e.outcome(),
                        e.documentNumber(), e.templateVersion(), e.letterheadVersion(), e.sha256Docx(), e.sha256Pdf(),
                        e.issuedOn(), recorded.at(), e.issuedBy(), null, null, null, readable));
            } else if (recorded.event() instanceof NoticeDelivered d && entries.get(d.noticeId()) instanceof NoticeEntry n) {
                boolean answer = n.kind() == NoticeKind.ANSWER;
                entries.put(d.noticeId(), new NoticeEntry(n.noticeId(), n.kind(), n.kindLabel(), n.outcome(),
                        n.documentNumber(), n.templateVersion(), n.letterheadVersion(), n.sha256Docx(), n.sha256Pdf(),
                        n.issuedOn(), n.issuedAt(), n.issuedBy(),
                        new Delivery(d.method(), d.method().label(), d.deliveredOn(), d.trackingNumber(), d.recordedBy()),
                        answer ? d.deliveredOn().plusDays(60) : null, answer ? d.deliveredOn().plusMonths(6) : null,
                        readable));
            }
        }
        return List.copyOf(entries.values());
    }

    /** An issued letter's file, exactly as it was hashed. */
    public Rendered download(UUID requestId, UUID noticeId, NoticeFormat format) {
        Application application = load(requestId);
        NoticeIssued issued = application.recorded().stream()
                .map(Recorded::event)
                .filter(e -> e instanceof NoticeIssued n && n.noticeId().equals(noticeId))
                .map(NoticeIssued.class::cast)
                .findFirst()
                .orElseThrow(() -> new NotFound("notice " + noticeId));
        if (!files.readable(requestId)) {
            throw new RuleViolation("LetterErasedWithApplicantData",
                    "申请人个人信息已于删除时一并销毁，该文书文件不可再读取；文书的SHA-256仍保存在办理记录中",
                    "the applicant's personal data was erased and the letter's file with it; its SHA-256 remains in the history");
        }
        byte[] content = files.read(requestId, noticeId, format)
                .orElseThrow(() -> new NotFound("notice " + noticeId + " as " + format, "NoticeFileFormat",
                        "该文书没有" + format.name() + "格式的文件", "the notice has no " + format.name() + " file"));
        return new Rendered(content, format, issued.documentNumber() + "." + format.extension());
    }

    private Rendered render(Letter letter, NoticeFormat format, String name) {
        return switch (format) {
            case DOCX -> new Rendered(DocxLetter.render(letter), format, name + ".docx");
            case HTML -> new Rendered(XhtmlLetter.render(letter).getBytes(StandardCharsets.UTF_8), format, name + ".xhtml");
            case PDF -> new Rendered(Pdf.fromXhtml(XhtmlLetter.render(letter)), format, name + ".pdf");
        };
    }

    private Letter compose(Application application, NoticeKind kind, Outcome outcome, String documentNumber,
                           LocalDate issuedOn) {
        Letterhead letterhead = templates.letterhead(application.agencyId());
        Template template = templates.template(application.agencyId(), kind, outcome);
        return composer.compose(application.events(), kind, outcome, letterhead, template, documentNumber, issuedOn,
                calendar.current());
    }

    /** The acting user's agency's application, its events decrypted; another agency's is not found. */
    private Application load(UUID requestId) {
        Actor actor = currentActor.current();
        DomainEventStream stream = eventStore.readEvents(requestId.toString());
        List<Recorded> recorded = new ArrayList<>();
        RequestReceived received = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RequestEvent event) {
                if (event instanceof RequestReceived r) {
                    received = r;
                }
                recorded.add(new Recorded(event, OffsetDateTime.ofInstant(message.getTimestamp(), BusinessClock.ZONE),
                        (String) message.getMetaData().get(ActorMetaData.USERNAME)));
            }
        }
        if (received == null || !received.agencyId().equals(actor.agencyId())) {
            throw new NotFound("application " + requestId);
        }
        return new Application(received, recorded);
    }

    private record Recorded(RequestEvent event, OffsetDateTime at, String actor) {
    }

    private record Application(RequestReceived received, List<Recorded> recorded) {

        String agencyId() {
            return received.agencyId();
        }

        String registrationNumber() {
            return received.registrationNumber();
        }

        List<RequestEvent> events() {
            return recorded.stream().map(Recorded::event).toList();
        }

        RequestStatus status() {
            RequestFile file = new RequestFile();
            long sequence = 0;
            for (RequestEvent event : events()) {
                file.apply(event, sequence++);
            }
            return file.status();
        }

        boolean concluded() {
            return events().stream().anyMatch(e -> e instanceof RequestConcluded);
        }

        /**
         * The outcome the answer letter states: the approved draft's (for an application concluded
         * without an answer, the outcome it was concluded with); null if there is none yet.
         */
        Outcome approvedOutcome() {
            Outcome draft = null;
            for (RequestEvent event : events()) {
                switch (event) {
                    case AnswerDrafted e -> draft = e.outcome();
                    case AnswerReturned e -> draft = null;
                    case RequestConcluded e -> {
                        return e instanceof cn.gongkai.ledger.requests.events.RequestAnswered ? draft : e.outcome();
                    }
                    default -> {
                    }
                }
            }
            return status() == RequestStatus.ANSWER_APPROVED ? draft : null;
        }

        /** For a preview: the approved outcome, refusing another one the way issuing would. */
        Outcome answerOutcome(Outcome asked) {
            Outcome approved = approvedOutcome();
            if (approved == null) {
                throw Rules.answerLetterWithTheAnswer();
            }
            if (asked != null && asked != approved) {
                throw Rules.answerLetterMatchesApprovedDraft(approved, asked);
            }
            return approved;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
