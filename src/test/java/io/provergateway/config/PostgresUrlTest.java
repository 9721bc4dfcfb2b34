package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {

    private static Optional<String> password(PostgresUrl url) {
        return url.password().map(Secret::reveal);
    }

    @Test
    void parsesRustForm_withDefaultPort() {
        PostgresUrl url = PostgresUrl.parse("postgres://postgres:notsecurepassword@localhost/prover_local");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/prover_local");
        assertThat(url.user()).contains("postgres");
        assertThat(password(url)).contains("notsecurepassword");
    }

    @Test
    void parsesPostgresqlScheme_withPortAndParams() {
        PostgresUrl url = PostgresUrl.parse(
                "postgresql://gw:pw@db.internal:6432/prover?sslmode=verify-full&sslrootcert=/ca.pem"
                        + "&application_name=gateway&statement-cache-capacity=100");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/prover"
                + "?sslmode=verify-full&sslrootcert=%2Fca.pem&ApplicationName=gateway");
    }

    @Test
    void parsesJdbcForm_withCredentialsInParams() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db:5433/prover?user=gw&password=p%40ss&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/prover?ssl=true");
        assertThat(url.user()).contains("gw");
        assertThat(password(url)).contains("p@ss");
    }

    @Test
    void percentDecodesUserAndPassword() {
        PostgresUrl url = PostgresUrl.parse("postgres://us%65r:p%40ss%3Aw%2Frd%25+x@localhost/db");

        assertThat(url.user()).contains("user");
        assertThat(password(url)).contains("p@ss:w/rd%+x");
    }

    @Test
    void takesLastAtSignAsEndOfUserInfo() {
        PostgresUrl url = PostgresUrl.parse("postgres://u:p@ss@host/db");

        assertThat(password(url)).contains("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void acceptsUserWithoutPassword_andNoUserAtAll() {
        PostgresUrl withUser = PostgresUrl.parse("postgres://gw@localhost:5432/db");
        PostgresUrl anonymous = PostgresUrl.parse("postgres://localhost/db");

        assertThat(withUser.user()).contains("gw");
        assertThat(withUser.password()).isEmpty();
        assertThat(anonymous.user()).isEmpty();
        assertThat(anonymous.password()).isEmpty();
    }

    @Test
    void keepsIpv6HostInBrackets() {
        assertThat(PostgresUrl.parse("postgres://u:p@[::1]:6543/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:6543/db");
        assertThat(PostgresUrl.parse("postgres://u:p@[fe80::1]/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[fe80::1]:5432/db");
    }

    @Test
    void defaultsHostToLocalhost_andAcceptsHostAndPortParams() {
        assertThat(PostgresUrl.parse("postgres:///db").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
        assertThat(PostgresUrl.parse("postgres://u@/x?host=db&port=7000&dbname=prover").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:7000/prover");
    }

    @Test
    void masksPasswordInToString() {
        PostgresUrl url = PostgresUrl.parse("postgres://gw:hunter2@localhost/db");

        assertThat(url.toString()).isEqualTo("jdbc:postgresql://localhost:5432/db user=gw password=***");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://u:hunter2@h/db|mysql://u:***@h/db|must start with postgres://, postgresql:// or jdbc:postgresql://",
        "postgres://u:hunter2@h:99999/db|postgres://u:***@h:99999/db|has an invalid port (1..65535 expected)",
        "postgres://u:hunter2@h:abc/db|postgres://u:***@h:abc/db|has an invalid port (1..65535 expected)",
        "postgres://u:hun%zzter2@h/db|postgres://u:***@h/db|has a bad percent-escape in the password",
        "postgres://u:hunter2@[::1/db|postgres://u:***@[::1/db|has an IPv6 host without a closing ']'",
        "postgres://u:hunter2@h/a/b|postgres://u:***@h/a/b|has a path with more than one segment (expected /database)",
        "postgres://u:hunter2@h/db?sslmode=maybe|postgres://u:***@h/db?sslmode=maybe|has sslmode=maybe (expected one of allow, disable, prefer, require, verify-ca, verify-full)",
        "jdbc:postgresql://h/db?password=hunter2&port=1&sslmode=x|jdbc:postgresql://h/db?password=***&port=1&sslmode=x|has sslmode=x (expected one of allow, disable, prefer, require, verify-ca, verify-full)",
        "postgres://u:hunter2@bad host/db|postgres://u:***@bad host/db|has an invalid host (one host name, IPv4 address or [IPv6] address expected)",
        "postgres//u:hunter2@h/db|postgres//u:***@h/db|must start with postgres://, postgresql:// or jdbc:postgresql://",
        "u:hunter2@h/db|u:***@h/db|must start with postgres://, postgresql:// or jdbc:postgresql://",
        "postgres:/u:hunter2@h/db|postgres:***@h/db|must start with postgres://, postgresql:// or jdbc:postgresql://",
        "postgres://u@x:hunter2@h:99999/db|postgres://u@x:***@h:99999/db|has an invalid port (1..65535 expected)",
    })
    void rejectsBadUrl_namingKeyAndMaskingPassword(String url, String shown, String why) {
        assertThatThrownBy(() -> PostgresUrl.parse(url, "DATABASE_PROVER_URL"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_PROVER_URL=\"" + shown + "\" is not a valid PostgreSQL URL: " + why)
                .message().doesNotContain("hunter2");
    }
}
