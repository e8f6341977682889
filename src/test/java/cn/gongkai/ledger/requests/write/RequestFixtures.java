package cn.gongkai.ledger.requests.write;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.write.erasure.PersonalDataRetention;
import cn.gongkai.ledger.requests.write.receive.ApplicantMatches;
import cn.gongkai.ledger.requests.write.receive.RegistrationNumbers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The shared cast and calendar of the aggregate tests: one agency with a handler, a second handler,
 * a reviewer and the office head; a handler of another agency; "today" is Monday 16 March 2026,
 * 10:00 in Beijing, and the application arrived two weeks earlier.
 */
public final class RequestFixtures {

    public static final String AGENCY = "gz-housing";
    public static final String OTHER_AGENCY = "sz-housing";

    public static final Actor HANDLER = actor("li.lei", AGENCY, Role.HANDLER);
    public static final Actor OTHER_HANDLER = actor("han.meimei", AGENCY, Role.HANDLER);
    public static final Actor REVIEWER = actor("wang.fang", AGENCY, Role.REVIEWER);
    public static final Actor HEAD = actor("zhao.min", AGENCY, Role.HEAD);
    /** A second reviewer, who took no part in {@link #concluded()}'s answer. */
    public static final Actor OTHER_REVIEWER = actor("liu.yang", AGENCY, Role.REVIEWER);
    /** A handler who is also a reviewer (one person may hold both roles; 编审分离 still applies per answer). */
    public static final Actor HANDLER_AND_REVIEWER = actor("zhou.qiang", AGENCY, Role.HANDLER, Role.REVIEWER);
    public static final Actor ADMIN = actor("sun.li", AGENCY, Role.ADMIN);
    public static final Actor STRANGER = actor("chen.jie", OTHER_AGENCY, Role.HANDLER, Role.REVIEWER, Role.HEAD);

    public static final UUID REQUEST_ID = UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);
    public static final Instant NOW = TODAY.atTime(10, 0).atZone(BusinessClock.ZONE).toInstant();
    public static final LocalDate RECEIVED_ON = LocalDate.of(2026, 3, 2);
    /** Personal data is kept this long after the conclusion (the production default). */
    public static final Period RETENTION = Period.ofYears(10);

    private RequestFixtures() {
    }

    /** A fixture whose clock stands at {@link #NOW}. */
    public static AggregateTestFixture<InformationRequest> fixture() {
        return fixtureAt(NOW);
    }

    /**
     * A fixture whose clock stands at {@code now}; registration numbers are {@code <agency>/<year>-0042},
     * so a test can see which agency and year the number was drawn for; personal data is kept for
     * {@link #RETENTION}.
     */
    public static AggregateTestFixture<InformationRequest> fixtureAt(Instant now) {
        AggregateTestFixture<InformationRequest> fixture = new AggregateTestFixture<>(InformationRequest.class);
        fixture.registerInjectableResource(Clock.fixed(now, BusinessClock.ZONE));
        fixture.registerInjectableResource((RegistrationNumbers) (agency, year) -> agency + "/" + year + "-0042");
        fixture.registerInjectableResource(new PersonalDataRetention(RETENTION));
        fixture.registerInjectableResource(ApplicantMatches.NONE);
        fixture.registerInjectableResource(new cn.gongkai.ledger.platform.InMemoryPersonalDataKeys());
        return fixture;
    }

    /** The command metadata that says {@code actor} is acting. */
    public static Map<String, ?> as(Actor actor) {
        return actor.toMetaData();
    }

    public static ApplicantDetails applicant() {
        return new ApplicantDetails("张三", "居民身份证", "110101199003071234", "13800138000", "北京市东城区东华门大街1号");
    }

    /** Our agency's application, received on {@link #RECEIVED_ON}. */
    public static RequestReceived received() {
        return received(RECEIVED_ON);
    }

    public static RequestReceived received(LocalDate receivedOn) {
        return new RequestReceived(REQUEST_ID, AGENCY, receivedOn.getYear() + "-0042", Channel.POST, receivedOn,
                receivedOn.plusDays(1), ApplicantCategory.NATURAL_PERSON, applicant(),
                "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL);
    }

    /** A draft by {@link #HANDLER}, {@code DISCLOSED}, on 12 March. */
    public static AnswerDrafted drafted() {
        return drafted(1, HANDLER);
    }

    public static AnswerDrafted drafted(int draftNumber, Actor drafter) {
        return new AnswerDrafted(REQUEST_ID, draftNumber, Outcome.DISCLOSED, "条例第三十六条第（二）项",
                "经查，所申请信息予以公开，详见附件。", drafter.username(), LocalDate.of(2026, 3, 12));
    }

    /** {@link #drafted()} approved by {@link #REVIEWER} on 13 March. */
    public static AnswerApproved approved() {
        return new AnswerApproved(REQUEST_ID, 1, REVIEWER.username(), LocalDate.of(2026, 3, 13));
    }

    /** The approved draft issued on 13 March: the application is concluded as {@code DISCLOSED}. */
    public static RequestAnswered answered() {
        return new RequestAnswered(REQUEST_ID, 1, Outcome.DISCLOSED, LocalDate.of(2026, 3, 13));
    }

    /** The events of an application answered on 13 March. */
    public static Object[] concluded() {
        return new Object[] {received(), drafted(), approved(), answered()};
    }

    private static Actor actor(String username, String agencyId, Role... roles) {
        return new Actor(username, agencyId, Set.of(roles));
    }
}
