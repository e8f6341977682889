package cn.gongkai.ledger.platform;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for aggregate fixtures: the named rule said no, in both languages. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A {@link RuleViolation} of the named rule, about any input. */
    public static Matcher<Throwable> violates(String rule) {
        return matcher(rule, null, false);
    }

    /** A {@link RuleViolation} of the named rule about exactly the named input (null: about none). */
    public static Matcher<Throwable> violates(String rule, String field) {
        return matcher(rule, field, true);
    }

    private static Matcher<Throwable> matcher(String rule, String field, boolean fieldMatters) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolation violation
                        && rule.equals(violation.rule())
                        && (!fieldMatters || Objects.equals(field, violation.field()))
                        && violation.messageZh() != null && !violation.messageZh().isBlank()
                        && violation.messageEn() != null && !violation.messageEn().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
                if (fieldMatters) {
                    description.appendText(" on field ").appendValue(field);
                }
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                if (item instanceof RuleViolation violation) {
                    mismatch.appendText("was rule ").appendValue(violation.rule())
                            .appendText(" on field ").appendValue(violation.field());
                } else {
                    mismatch.appendText("was ").appendValue(item);
                }
            }
        };
    }
}
