package io.github.camelvelaro.velaro.metrics;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text chart of the day's budget, drawn from fixed counts. */
class BudgetChartTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-03");

    private static long[] counts(int firstHour, long... values) {
        long[] perHour = new long[24];
        System.arraycopy(values, 0, perHour, firstHour, values.length);
        return perHour;
    }

    @Test
    void barsPerHourAgainstTheBudgetLine() {
        // 240 a day is 10 an hour; hours 9 to 13 spend faster than that, hour 10 twice as fast
        BudgetDay day = new BudgetDay(DAY, counts(7, 2, 8, 12, 20, 15, 10, 9), 13, 240);

        assertThat(BudgetChart.text(day)).isEqualTo("""
                Requests per hour, 2026-12-03 (UTC): 76 of 240 (32%), hour 13 now
                20 |                    #
                   |                    #
                   |                    # #
                   |                  # # #
                10 |------------------#-#-#-#-#--------------------
                   |                # # # # # #
                   |                # # # # # #
                   |              # # # # # # #
                 0 +------------------------------------------------
                    0           6           12          18        23
                """);
    }

    @Test
    void aQuietDayShowsEveryRequestAndTheLineOnTop() {
        // 1,000 a day is 41.7 an hour: above any bar here, so the line is the top row; one request still shows
        BudgetDay day = new BudgetDay(DAY, counts(0, 1, 0, 3), 2, 1000);

        assertThat(BudgetChart.render(day, 4)).containsExactly(
                "Requests per hour, 2026-12-03 (UTC): 4 of 1000 (0%), hour 2 now",
                "41.7 |-----------------------------------------------",
                "     |",
                "     |",
                "     |#   #",
                "   0 +------------------------------------------------",
                "      0           6           12          18        23");
    }

    @Test
    void withoutADailyLimitThereIsNoLine() {
        BudgetDay day = new BudgetDay(DAY, counts(23, 2), 23, 0);

        assertThat(BudgetChart.render(day, 2)).containsExactly(
                "Requests per hour, 2026-12-03 (UTC): 2 of 0, hour 23 now",
                "2 |                                              #",
                "  |                                              #",
                "0 +------------------------------------------------",
                "   0           6           12          18        23");
    }
}
