package io.provergateway.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.provergateway.config.GatewayConfig.LogFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging settings once the configuration is known: the format ({@code MISC_LOG_FORMAT} or YAML
 * {@code observability.log_format}: {@code plain}, or {@code json} = one JSON object per line), the levels from
 * upstream's {@code RUST_LOG} directives, and {@code PROVER_GATEWAY_LOG_LEVEL}, which overrides both. Operator
 * commands log to stderr so that their stdout carries only their output.
 */
public final class LogSetup {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level [%thread] %logger{0} %msg%n";
    private static final String OURS = "io.provergateway";

    private LogSetup() {}

    /** For the daemon: logs on stdout. */
    public static void apply(Map<String, String> env, LogFormat format) {
        apply(env, format, false);
    }

    /** @param toStderr log on stderr (operator commands) instead of stdout */
    public static void apply(Map<String, String> env, LogFormat format, boolean toStderr) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(console(context, format, toStderr));
        Optional<RustLogDirectives> rustLog = Optional.ofNullable(env.get("RUST_LOG")).filter(v -> !v.isBlank())
                .map(RustLogDirectives::parse);
        Optional<Level> override = Optional.ofNullable(env.get("PROVER_GATEWAY_LOG_LEVEL")).filter(v -> !v.isBlank())
                .map(v -> Level.toLevel(v.strip(), Level.INFO));
        if (override.isPresent()) {
            root.setLevel(override.get());
            context.getLogger(OURS).setLevel(override.get());
            return;
        }
        rustLog.ifPresent(directives -> {
            directives.defaultLevel().ifPresent(root::setLevel);
            directives.loggers().forEach((name, level) -> context.getLogger(name).setLevel(level));
            if (!directives.ignored().isEmpty()) {
                LoggerFactory.getLogger(LogSetup.class).debug("RUST_LOG directives without a counterpart here: {}",
                        directives.ignored());
            }
        });
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, LogFormat format, boolean toStderr) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(format == LogFormat.JSON ? "json" : "plain");
        appender.setTarget(toStderr ? "System.err" : "System.out");
        appender.setEncoder(encoder(context, format));
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        if (format == LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(context);
        plain.setPattern(PATTERN);
        plain.start();
        return plain;
    }
}
