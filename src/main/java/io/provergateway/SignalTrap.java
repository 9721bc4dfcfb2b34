package io.provergateway;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM, SIGINT and SIGHUP (upstream's {@code ctrlc} "termination" set) into a call of {@code onSignal}
 * instead of the JVM's default exit status 143. Uses {@code sun.misc.Signal} reflectively (it is the only JDK hook);
 * where it is missing, falls back to a shutdown hook.
 */
final class SignalTrap {
    private static final Logger LOG = LoggerFactory.getLogger(SignalTrap.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private SignalTrap() {}

    static void install(Runnable onSignal) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            InvocationHandler invocation = (proxy, method, args) -> handle(proxy, method, args, onSignal);
            Object handler = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerClass},
                    invocation);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : SIGNALS) {
                handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("signal handlers unavailable ({}); stopping through a shutdown hook instead", e.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(onSignal, "shutdown"));
        }
    }

    private static Object handle(Object proxy, Method method, Object[] args, Runnable onSignal) {
        switch (method.getName()) {
            case "handle" -> {
                LOG.info("stop signal received: {}", args[0]);
                onSignal.run();
                return null;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> {
                return "SignalTrap";
            }
        }
    }
}
