package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.statistics.YearEndChecklist;
import org.springframework.beans.factory.ObjectProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status resource of a year close (the {@code Location} of {@code POST …/close}'s 202): whether
 * the own agency's year is closed, by whom and when, and how many of its carry-forwards are done and
 * still to come. The carry-forwards run after the close is answered, so a client waits on this.
 */
@RestController
class YearCloseStatusEndpoint {

    private final YearCloseProgress progress;
    private final CurrentActor currentActor;
    private final ObjectProvider<YearEndChecklist> checklist;

    YearCloseStatusEndpoint(YearCloseProgress progress, CurrentActor currentActor,
                            ObjectProvider<YearEndChecklist> checklist) {
        this.progress = progress;
        this.currentActor = currentActor;
        this.checklist = checklist;
    }

    @GetMapping("/api/statistics/{year}/close")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    @Operation(summary = "年度关闭及结转进度 / Year close and its carry-forward progress",
            description = "本机关该年度是否已关闭、由谁何时关闭，以及未办结申请已结转和尚待结转的件数；"
                    + "complete 为 true 时结转全部完成。 / Whether the own agency's year is closed, by whom and when,"
                    + " and how many open applications are carried forward and still to come; complete is true"
                    + " once every carry-forward is done. checklist: the year's report gate as it stands (errors,"
                    + " warnings and whether acknowledged), the same list the head sees before publishing.")
    @ApiResponse(responseCode = "200", description = "关闭状态 / the close's status (closed false if not closed)")
    @ApiResponse(responseCode = "400", description = "年度超出范围 / year out of range")
    @ApiResponse(responseCode = "401", description = "未登录 / not authenticated")
    @ApiResponse(responseCode = "403", description = "无权查看 / role not allowed")
    YearCloseProgress.Status status(@PathVariable int year) {
        String agencyId = currentActor.current().agencyId();
        YearCloseProgress.Status status = progress.of(agencyId, year);
        YearEndChecklist items = checklist.getIfAvailable();
        return items == null ? status : status.withChecklist(items.before(agencyId, year));
    }
}
