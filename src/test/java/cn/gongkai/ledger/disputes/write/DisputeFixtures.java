package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.write.ApplicationLookup.ApplicationOnFile;
import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The shared cast and calendar of the dispute tests: one agency with a handler, a reviewer and the
 * office head; a user of another agency holding every role; "today" is Monday 16 March 2026, 10:00
 * in Beijing. The agency has an application concluded on 10 February and one still open; the
 * other agency has one concluded application.
 */
public final class DisputeFixtures {

    public static final String AGENCY = "gz-housing";
    public static final String OTHER_AGENCY = "sz-housing";

    public static final Actor HANDLER = actor("li.lei", AGENCY, Role.HANDLER);
    public static final Actor REVIEWER = actor("wang.fang", AGENCY, Role.REVIEWER);
    public static final Actor HEAD = actor("zhao.min", AGENCY, Role.HEAD);
    public static final Actor STRANGER = actor("chen.jie", OTHER_AGENCY, Role.HANDLER, Role.REVIEWER, Role.HEAD);

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);
    public static final Instant NOW = TODAY.atTime(10, 0).atZone(BusinessClock.ZONE).toInstant();

    public static final UUID DISPUTE_ID = UUID.fromString("0b7a3c1e-5d2f-4e8a-9c61-7f3e2a1d4b05");
    public static final LocalDate CONCLUDED_ON = LocalDate.of(2026, 2, 10);
    public static final LocalDate FILED_ON = LocalDate.of(2026, 3, 2);

    public static final ApplicationOnFile CONCLUDED = new ApplicationOnFile(
            UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13"), AGENCY, "2026-0042", LocalDate.of(2026, 1, 5),
            CONCLUDED_ON);
    public static final ApplicationOnFile OPEN = new ApplicationOnFile(
            UUID.fromString("a3d5e7f9-1b2c-4d6e-8f01-23456789abcd"), AGENCY, "2026-0043", LocalDate.of(2026, 3, 9),
            null);
    public static final ApplicationOnFile OTHER_AGENCYS = new ApplicationOnFile(
            UUID.fromString("c0ffee00-1234-4abc-8def-0123456789ab"), OTHER_AGENCY, "2026-0007", LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 2, 1));

    private DisputeFixtures() {
    }

    /** A fixture whose clock stands at {@link #NOW}, with the three applications above on file. */
    public static AggregateTestFixture<Dispute> fixture() {
        AggregateTestFixture<Dispute> fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, BusinessClock.ZONE));
        Map<UUID, ApplicationOnFile> onFile = List.of(CONCLUDED, ALSO_CONCLUDED, OPEN, OTHER_AGENCYS).stream()
                .collect(Collectors.toMap(ApplicationOnFile::requestId, Function.identity()));
        fixture.registerInjectableResource((ApplicationLookup) requestId -> Optional.ofNullable(onFile.get(requestId)));
        return fixture;
    }

    /** The command metadata that says {@code actor} is acting. */
    public static Map<String, ?> as(Actor actor) {
        return actor.toMetaData();
    }

    /** A reconsideration about {@link #CONCLUDED}, filed on {@link #FILED_ON}. */
    public static DisputeFiled filed() {
        return new DisputeFiled(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, CONCLUDED.registrationNumber(),
                DisputeKind.RECONSIDERATION, FILED_ON, "驻政复〔2026〕12号", "驻马店市人民政府");
    }

    public static DisputeDecided decided(DisputeResult result, LocalDate decidedOn) {
        return new DisputeDecided(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, result, decidedOn, "复议决定书");
    }

    /** A second reviewer, who recorded nothing of the case: the one who may correct or withdraw it. */
    public static final Actor OTHER_REVIEWER = actor("sun.li", AGENCY, Role.REVIEWER);

    /** Another concluded application of the agency, which a case may be corrected to be about. */
    public static final ApplicationOnFile ALSO_CONCLUDED = new ApplicationOnFile(
            UUID.fromString("5e2d8c10-7a3b-4f6e-b1c2-0d9e8f7a6b54"), AGENCY, "2026-0040", LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 1, 20));

    /** {@code event} as recorded by {@code actor}: who recorded a case's filing and decision matters for corrections. */
    public static GenericDomainEventMessage<Object> recordedBy(Actor actor, long sequenceNumber, Object event) {
        return new GenericDomainEventMessage<>("Dispute", DISPUTE_ID.toString(), sequenceNumber, event,
                MetaData.from(actor.toMetaData()));
    }

    private static Actor actor(String username, String agencyId, Role... roles) {
        return new Actor(username, agencyId, Set.of(roles));
    }
}
