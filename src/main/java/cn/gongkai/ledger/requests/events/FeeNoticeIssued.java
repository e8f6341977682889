package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.FeeMethod;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A 信息处理费 notice was issued: {@code amountFen} in 分, computed by {@code method} from {@code quantity} (applications this month or pages), or entered by hand with a reason. */
@Revision("1")
public record FeeNoticeIssued(UUID requestId, FeeMethod method, int quantity, long amountFen, String reason, LocalDate issuedOn, LocalDate payableBy) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return issuedOn;
    }
}
