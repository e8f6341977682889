package cn.gongkai.ledger.requests.write.erasure;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 删除个人信息: an administrator erases the applicant's personal data after the retention period. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class PersonalDataErasureEndpoint {

    private final CommandSender sender;

    PersonalDataErasureEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "删除申请人个人信息 / Erase the applicant's personal data",
            description = "保存期满后由管理员删除申请人姓名、证件号码、电话和地址；办理记录和统计保留。 / The steps and the figures stay.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: PersonalDataKeptForTheRetentionPeriod, PersonalDataErasedOnlyOnce, AdministratorErasesPersonalData")
    @PostMapping("/personal-data-erasure")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Accepted> erase(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody ErasureBody body) {
        return sender.send(requestId, new ErasePersonalData(requestId, expectedVersion(ifMatch), body.reason(),
                body.erasedOn()));
    }

    /** {@code erasedOn} is optional: today when absent. */
    record ErasureBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            LocalDate erasedOn) {
    }
}
