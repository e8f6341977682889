package cn.gongkai.ledger.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests outside this package read the tables from a database of their own, without Spring. */
public final class AnnualTablesForTests {

    private AnnualTablesForTests() {
    }

    public static AnnualTables on(JdbcClient jdbc) {
        return new AnnualTables(jdbc);
    }
}
