package cn.gongkai.ledger.requests.write.notices;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import cn.gongkai.ledger.requests.write.notices.Notices.Issued;
import cn.gongkai.ledger.requests.write.notices.Notices.NoticeEntry;
import cn.gongkai.ledger.requests.write.notices.Notices.Rendered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 书面告知: the statutory letters of an application — previewed, issued under a 文号, delivered,
 * listed and downloaded as issued.
 */
@RestController
@RequestMapping("/api/requests/{requestId}/notices")
class NoticeEndpoint {

    private static final String FILES = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Notices notices;
    private final CommandSender sender;

    NoticeEndpoint(Notices notices, CommandSender sender) {
        this.notices = notices;
        this.sender = sender;
    }

    @Operation(summary = "文书列表 / The application's letters",
            description = "已出具的文书：种类、文号、模板版本、文件SHA-256、出具人和日期、送达情况；答复书送达后列出行政复议（60日）和行政诉讼（6个月）的截止日。 / "
                    + "Issued letters with their 文号, template versions, SHA-256, issuer, delivery and, for a delivered answer, the remedy deadlines.")
    @ApiResponse(responseCode = "200", description = "文书列表 / the letters")
    @GetMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<NoticeEntry> list(@PathVariable UUID requestId) {
        return notices.list(requestId);
    }

    @Operation(summary = "预览文书 / Preview a letter",
            description = "按当前模板和申请的记录生成文书，不编号、不记录。format 为 DOCX、PDF 或 HTML（XHTML）。答复书使用审核通过的办理结果。 / "
                    + "Renders the letter without numbering or recording it; the answer letter states the approved outcome.")
    @ApiResponse(responseCode = "200", description = "文书文件 / the file",
            content = @Content(mediaType = FILES))
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: AnswerLetterWithTheAnswer, AnswerLetterMatchesApprovedDraft")
    @GetMapping("/preview")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    ResponseEntity<byte[]> preview(@PathVariable UUID requestId, @RequestParam NoticeKind noticeKind,
                                   @RequestParam(required = false) Outcome outcome,
                                   @RequestParam(required = false) LocalDate on,
                                   @RequestParam(defaultValue = "DOCX") NoticeFormat format) {
        return file(notices.preview(requestId, noticeKind, outcome, on, format), true);
    }

    @Operation(summary = "出具文书 / Issue a letter",
            description = "取本机关本年度下一个文号，生成DOCX（及PDF），以申请的个人信息密钥加密保存，记录 NoticeIssued（文号、模板版本、SHA-256、出具人、日期）。"
                    + "答复书与答复一并出具：答复已审核通过尚未作出的，同时作出答复；办理结果须与审核通过的答复一致。 / "
                    + "Draws the next 文号 of the agency's year, renders and stores the files encrypted, records NoticeIssued. "
                    + "The answer letter goes out with the answer and states the approved outcome.")
    @ApiResponse(responseCode = "201", description = "已出具：文号和文件SHA-256；Location 为文书列表 / issued")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: AnswerLetterMatchesApprovedDraft, AnswerLetterWithTheAnswer, AnswerLetterOnlyOnce, NoticeFollowsItsStep, NoLetterAfterErasure, NoDateInTheFuture, DatesInOrder")
    @PostMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    ResponseEntity<Issued> issue(@PathVariable UUID requestId,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @Valid @RequestBody IssueBody body) {
        Issued issued = notices.issue(requestId, expectedVersion(ifMatch), body.noticeKind(), body.outcome(), body.issuedOn());
        return ResponseEntity.created(URI.create("/api/requests/" + requestId + "/notices"))
                .eTag(Long.toString(issued.version()))
                .body(issued);
    }

    @Operation(summary = "登记送达 / Record the delivery",
            description = "送达方式（邮寄须填邮件号）和送达日期；送达日期是申请人补正、缴费和申请救济期限的起算日。 / "
                    + "How and when the letter reached its addressee; the applicant's periods run from that day.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: NoticeIssuedBeforeDelivery, NoticeDeliveredOnlyOnce, TrackingNumberForPost, NoDateInTheFuture, DatesInOrder")
    @PostMapping("/{noticeId}/delivery")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    ResponseEntity<Accepted> deliver(@PathVariable UUID requestId, @PathVariable UUID noticeId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody DeliveryBody body) {
        return sender.send(requestId, new DeliverNotice(requestId, expectedVersion(ifMatch), noticeId, body.deliveryMethod(),
                body.deliveredOn(), body.trackingNumber()));
    }

    @Operation(summary = "下载已出具的DOCX / Download the issued DOCX",
            description = "与 NoticeIssued 中 SHA-256 相同的文件；申请人个人信息删除后不可再读取。 / The very file whose SHA-256 the event holds; unreadable after erasure.")
    @ApiResponse(responseCode = "200", description = "DOCX文件 / the file", content = @Content(mediaType = FILES))
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: LetterErasedWithApplicantData")
    @GetMapping("/{noticeId}/docx")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> docx(@PathVariable UUID requestId, @PathVariable UUID noticeId) {
        return file(notices.download(requestId, noticeId, NoticeFormat.DOCX), false);
    }

    @Operation(summary = "下载已出具的PDF / Download the issued PDF",
            description = "嵌入中文字体的PDF，与 NoticeIssued 中 sha256Pdf 相同；申请人个人信息删除后不可再读取。 / The PDF whose SHA-256 the event holds.")
    @ApiResponse(responseCode = "200", description = "PDF文件 / the file", content = @Content(mediaType = "application/pdf"))
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: LetterErasedWithApplicantData")
    @GetMapping("/{noticeId}/pdf")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID requestId, @PathVariable UUID noticeId) {
        return file(notices.download(requestId, noticeId, NoticeFormat.PDF), false);
    }

    private static ResponseEntity<byte[]> file(Rendered rendered, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(rendered.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(rendered.format().mediaType())
                .body(rendered.content());
    }

    record IssueBody(@NotNull(message = REQUIRED) NoticeKind noticeKind, Outcome outcome,
                     @NotNull(message = REQUIRED) LocalDate issuedOn) {
    }

    record DeliveryBody(@NotNull(message = REQUIRED) DeliveryMethod deliveryMethod,
                        @NotNull(message = REQUIRED) LocalDate deliveredOn,
                        @Size(max = 64, message = TOO_LONG) String trackingNumber) {
    }
}
