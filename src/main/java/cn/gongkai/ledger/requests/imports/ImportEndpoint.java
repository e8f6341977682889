package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.requests.ApplicantCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 导入台账: an office adopting the ledger imports its existing register. The file (XLSX or UTF-8 CSV,
 * the template's Chinese headers) is sent as the request body; a dry run reports every refused row and
 * the tables that would result; the import is then confirmed with the same file and its SHA-256 and runs
 * in the background (202), its progress at the {@code Location}.
 */
@RestController
@RequestMapping("/api/imports")
class ImportEndpoint {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private final RegisterImports imports;
    private final CurrentActor currentActor;

    ImportEndpoint(RegisterImports imports, CurrentActor currentActor) {
        this.imports = imports;
        this.currentActor = currentActor;
    }

    @GetMapping("/template")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR','ADMIN')")
    @Operation(summary = "下载台账导入模板 / Download the register import template",
            description = "表头为导入所用的中文列名，附一行示例；format 为 CSV 或 XLSX。 / The Chinese headers the import reads, with one example row.")
    @ApiResponse(responseCode = "200", description = "模板文件 / the template file",
            content = {@Content(mediaType = CSV), @Content(mediaType = XLSX)})
    @ApiResponse(responseCode = "400", description = "格式无效 / unknown format")
    ResponseEntity<byte[]> template(@Parameter(description = "CSV 或 XLSX", example = "CSV") @RequestParam String format) {
        return templateFile(format);
    }

    /** The template file as a download; the import pages give the same. */
    static ResponseEntity<byte[]> templateFile(String format) {
        boolean xlsx = switch (format.toUpperCase(java.util.Locale.ROOT)) {
            case "XLSX" -> true;
            case "CSV" -> false;
            default -> throw new InputRejected(FieldProblem.of("format", "应为 CSV 或 XLSX", "must be CSV or XLSX"));
        };
        byte[] body = xlsx ? RegisterTemplate.xlsx() : RegisterTemplate.csv();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(xlsx ? XLSX : CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(xlsx ? "register-import-template.xlsx" : "register-import-template.csv").build().toString())
                .body(body);
    }

    @PostMapping(path = "/dry-run", consumes = {CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('HEAD','ADMIN')")
    @Operation(summary = "试导入台账（不保存） / Dry-run a register import (stores nothing)",
            description = "逐行检查台账文件：被拒绝的行（行号、列、原因）、已导入且内容不同的行、将导入的行数及由此得出的第三部分表格；"
                    + "不保存任何申请，只记录文件的 SHA-256 与报告。 / Checks every row: refused rows (row, column, reason), rows imported"
                    + " before that now read differently, and the part 三 tables that would result. Stores no application.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = {@Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "200", description = "检查报告 / the report")
    @ApiResponse(responseCode = "400", description = "文件无法读取或缺少必需的列 / unreadable file or a required column missing")
    ResponseEntity<ImportReport> dryRun(@RequestBody byte[] file) {
        return ResponseEntity.ok(imports.dryRun(currentActor.current(), file));
    }

    @PostMapping(consumes = {CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('HEAD','ADMIN')")
    @Operation(summary = "确认导入台账 / Confirm a register import",
            description = "上传试导入检查过的同一文件并以 sha256 确认；导入在后台以一个事务进行（全部或全无），进度见 Location。"
                    + "已导入且内容相同的行不再导入。 / Send the file the dry run checked with its SHA-256; it is imported in the"
                    + " background in one transaction (all or nothing), progress at the Location. Rows imported before are skipped.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = {@Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "202", description = "导入已开始 / the import started")
    @ApiResponse(responseCode = "400", description = "文件无法读取或缺少必需的列 / unreadable file or a required column missing")
    @ApiResponse(responseCode = "422", description = "未经试导入、SHA-256 不符或有被拒绝的行 / no dry run, SHA-256 mismatch, or refused rows: DryRunFirst, ConfirmTheSameFile, RefusedRowsFirst")
    ResponseEntity<ImportProgress> confirm(
            @Parameter(description = "试导入报告中的文件 SHA-256 / the file's SHA-256 from the dry run",
                    example = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
            @RequestParam String sha256,
            @RequestBody byte[] file) {
        ImportProgress progress = imports.start(currentActor.current(), file, sha256);
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + progress.importId())).body(progress);
    }

    @GetMapping("/{importId}")
    @PreAuthorize("hasAnyRole('HEAD','ADMIN')")
    @Operation(summary = "导入进度 / An import's progress",
            description = "状态（CHECKED 试导入、RUNNING、DONE、FAILED、ROLLED_BACK）、已处理行数与被拒绝行数；导入进行中可随时读取。"
                    + " / Status, rows done and rows refused; readable while the import runs.")
    @ApiResponse(responseCode = "200", description = "进度 / the progress")
    ImportProgress progress(@PathVariable UUID importId) {
        return imports.progress(currentActor.current().agencyId(), importId);
    }

    @GetMapping(path = "/{importId}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('HEAD','ADMIN')")
    @Operation(summary = "试导入报告 / A dry run's report", description = "试导入保存的报告。 / The report a dry run stored.")
    @ApiResponse(responseCode = "200", description = "报告 / the report")
    ResponseEntity<String> report(@PathVariable UUID importId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(imports.report(currentActor.current().agencyId(), importId));
    }

    @PutMapping("/opening-balance/{year}")
    @PreAuthorize("hasAnyRole('HEAD','ADMIN')")
    @Operation(summary = "录入上年度结转基数 / Enter the previous year's carried-forward baseline",
            description = "录入 year 年度已公布报告第三部分“结转下年度继续办理”一行（各申请人类型）；此后试导入核对文件中 year 年底未办结的申请与之是否一致，"
                    + "不一致时逐列列出差额。 / The published part 三 row 结转下年度继续办理 of year; dry runs then compare the file's"
                    + " applications open at that year's end with it, column by column.")
    @ApiResponse(responseCode = "200", description = "已录入 / entered")
    @ApiResponse(responseCode = "400", description = "数值无效 / invalid counts")
    OpeningBalanceBody openingBalance(@PathVariable int year, @Valid @RequestBody OpeningBalanceBody body) {
        Map<ApplicantCategory, Integer> carried = new EnumMap<>(ApplicantCategory.class);
        body.carriedForward().forEach((category, count) -> {
            if (count == null || count < 0 || count > 1_000_000) {
                throw new InputRejected(FieldProblem.of("carriedForward", "件数应为 0 至 1000000", "counts must be 0 to 1,000,000"));
            }
            carried.put(category, count);
        });
        imports.enterOpeningBalance(currentActor.current(), year, carried);
        return body;
    }

    /** The published row 结转下年度继续办理, by applicant column; a column left out is 0. */
    record OpeningBalanceBody(@NotNull(message = cn.gongkai.ledger.platform.Messages.REQUIRED)
                              Map<ApplicantCategory, Integer> carriedForward) {
    }
}
