# syntax=docker/dockerfile:1
# prover-gateway: build with Maven, run on a slim JRE 17 as a non-root user.
#   docker build -t prover-gateway .
#   docker run --env-file gateway.env -p 3314:3314 prover-gateway

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 gateway \
    && useradd --system --uid 10001 --gid gateway --home-dir /var/lib/prover-gateway --create-home gateway
COPY --from=build /src/target/prover-gateway.jar /opt/prover-gateway/prover-gateway.jar
WORKDIR /var/lib/prover-gateway
# The durable spool of fetched batches not yet stored: keep it on a volume.
ENV FRI_PROVER_GATEWAY_SPOOL_PATH=/var/lib/prover-gateway/spool \
    FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT=3314
RUN mkdir -p /var/lib/prover-gateway/spool && chown -R gateway:gateway /var/lib/prover-gateway
VOLUME ["/var/lib/prover-gateway/spool"]
# /metrics, /health (liveness) and /ready (readiness)
EXPOSE 3314
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT}/health" || exit 1
# Exit codes: 0 stopped by SIGTERM (in-flight work finished), 1 start-up failure, 2 configuration error.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/prover-gateway/prover-gateway.jar"]
