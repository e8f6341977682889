package cn.gongkai.ledger;

import cn.gongkai.ledger.integrity.VerifyChainCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Gongkai Ledger: the register of applications for government information (依申请公开), kept as
 * events, from which the annual report's tables are projected.
 *
 * <p>{@code verify-chain} as the first argument verifies the tamper-evidence chain and exits,
 * without starting the service ({@link VerifyChainCommand}).
 */
@SpringBootApplication
public class GongkaiLedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && VerifyChainCommand.NAME.equals(args[0])) {
            System.exit(VerifyChainCommand.run(args, System.out));
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(GongkaiLedgerApplication.class, args);
    }
}
