package io.provergateway.ops;

import io.provergateway.config.GatewayConfig;
import java.io.PrintStream;
import java.util.Map;

/** The probe half of {@code check-config}: one line per probe, {@code probe <name>: ok (…)} or the reason. */
public final class ConfigCheck {
    private ConfigCheck() {}

    /** Prints one line per probe; true when every probe passed. */
    public static boolean probe(GatewayConfig config, PrintStream out) {
        boolean allOk = true;
        for (Map.Entry<String, ConfigProbes.Result> probe : ConfigProbes.run(config).entrySet()) {
            ConfigProbes.Result result = probe.getValue();
            out.println("probe " + probe.getKey() + ": " + (result.ok() ? "" : "FAILED: ") + result.text());
            allOk &= result.ok();
        }
        out.flush();
        return allOk;
    }
}
