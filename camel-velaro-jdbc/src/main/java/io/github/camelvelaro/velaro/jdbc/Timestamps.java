package io.github.camelvelaro.velaro.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** JDBC 4.2's {@code OffsetDateTime} for {@code TIMESTAMP WITH TIME ZONE} columns, and nullable integers. */
final class Timestamps {

    private Timestamps() {
    }

    static void set(PreparedStatement sql, int index, Instant instant) throws SQLException {
        if (instant == null) {
            sql.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            sql.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static Instant get(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setInteger(PreparedStatement sql, int index, Integer value) throws SQLException {
        if (value == null) {
            sql.setNull(index, Types.INTEGER);
        } else {
            sql.setInt(index, value);
        }
    }

    static Integer getInteger(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? null : value;
    }
}
