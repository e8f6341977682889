package cn.gongkai.ledger.requests.write.notices;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agency's letterhead and notice texts, versioned; its ADMIN changes them. */
@RestController
@RequestMapping("/api/admin/notice-templates")
class NoticeTemplateEndpoint {

    private final NoticeTemplates templates;
    private final CurrentActor currentActor;

    NoticeTemplateEndpoint(NoticeTemplates templates, CurrentActor currentActor) {
        this.templates = templates;
        this.currentActor = currentActor;
    }

    @Operation(summary = "文书模板 / The agency's letterhead and notice texts",
            description = "当前版本的文书版头（机关名称、文号前缀、印章文字、复议机关、法院）和每类文书、每种答复结果的文本；版本0为系统默认文本。 / "
                    + "The current letterhead and texts; version 0 is the built-in text.")
    @ApiResponse(responseCode = "200", description = "版头和文本 / letterhead and texts")
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    TemplateSet current() {
        String agencyId = currentActor.current().agencyId();
        return new TemplateSet(templates.letterhead(agencyId), templates.all(agencyId), Placeholders.NAMES);
    }

    @Operation(summary = "修改文书版头 / Change the letterhead",
            description = "新版本记录修改人和时间；已出具的文书保留其所用版本。 / A new version, with who and when.")
    @ApiResponse(responseCode = "200", description = "新版本 / the new version")
    @PutMapping("/letterhead")
    @PreAuthorize("hasRole('ADMIN')")
    Letterhead changeLetterhead(@Valid @RequestBody LetterheadBody body) {
        Actor actor = currentActor.current();
        return templates.changeLetterhead(actor.agencyId(), body.agencyName(), body.numberPrefix(), body.sealText(),
                body.reconsiderationAuthority(), body.court(), actor.username());
    }

    @Operation(summary = "修改文书文本 / Change a notice's text",
            description = "每段一行，可用 {{占位符}}（见模板列表）；答复书按办理结果（outcome）分别设置，救济途径由系统附于文末。 / "
                    + "One paragraph a line with {{placeholders}}; the answer letter per outcome; the remedies are always appended.")
    @ApiResponse(responseCode = "200", description = "新版本 / the new version")
    @PutMapping("/{noticeKind}")
    @PreAuthorize("hasRole('ADMIN')")
    Template changeTemplate(@PathVariable NoticeKind noticeKind, @RequestParam(required = false) Outcome outcome,
                            @Valid @RequestBody TextBody body) {
        Actor actor = currentActor.current();
        return templates.changeTemplate(actor.agencyId(), noticeKind, outcome, body.templateText(), actor.username());
    }

    record TemplateSet(Letterhead letterhead, List<Template> templates, List<String> placeholders) {
    }

    record LetterheadBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String agencyName,
            @NotBlank(message = NOT_BLANK) @Size(max = 50, message = TOO_LONG) String numberPrefix,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String sealText,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String reconsiderationAuthority,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String court) {
    }

    record TextBody(@NotBlank(message = NOT_BLANK) @Size(max = 10000, message = TOO_LONG) String templateText) {
    }
}
