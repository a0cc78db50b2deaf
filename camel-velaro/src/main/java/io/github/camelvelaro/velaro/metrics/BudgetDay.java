package io.github.camelvelaro.velaro.metrics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The requests of one UTC day, per hour, against the daily budget: what {@link BudgetChart} draws.
 *
 * @param day        the UTC day
 * @param perHour    24 counts, hour 0 to 23 (UTC)
 * @param hour       the hour now (UTC); later hours have not happened yet
 * @param dailyLimit the daily budget ({@code dailyRequestLimit})
 */
public record BudgetDay(LocalDate day, long[] perHour, int hour, int dailyLimit) {

    public BudgetDay {
        Objects.requireNonNull(day, "day");
        if (perHour.length != 24) {
            throw new IllegalArgumentException("perHour needs 24 counts, not " + perHour.length);
        }
        perHour = perHour.clone();
    }

    @Override
    public long[] perHour() {
        return perHour.clone();
    }

    /** Requests sent today so far. */
    public long used() {
        return Arrays.stream(perHour).sum();
    }

    /** The even share of the daily budget for one hour: the budget line. */
    public double budgetPerHour() {
        return dailyLimit / 24.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BudgetDay other && day.equals(other.day) && Arrays.equals(perHour, other.perHour)
               && hour == other.hour && dailyLimit == other.dailyLimit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, Arrays.hashCode(perHour), hour, dailyLimit);
    }

    @Override
    public String toString() {
        return "BudgetDay[" + day + ", " + used() + "/" + dailyLimit + ", hour " + hour + "]";
    }
}
