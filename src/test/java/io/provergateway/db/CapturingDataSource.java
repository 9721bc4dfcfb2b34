package io.provergateway.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Delegates to a data source and remembers the last connection it handed out, so a test can act inside its transaction. */
final class CapturingDataSource implements DataSource {
    private final DataSource delegate;
    private volatile Connection last;

    CapturingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    Connection lastConnection() {
        return last;
    }

    @Override
    public Connection getConnection() throws SQLException {
        last = delegate.getConnection();
        return last;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        last = delegate.getConnection(username, password);
        return last;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
