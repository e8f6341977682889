package cn.gongkai.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Gongkai Ledger: the register of applications for government information (依申请公开), kept as
 * events, from which the annual report's tables are projected.
 */
@SpringBootApplication
public class GongkaiLedgerApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(GongkaiLedgerApplication.class, args);
    }
}
