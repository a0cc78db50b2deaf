package io.github.camelvelaro.velaro.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The day's budget as a picture in plain text: one bar of {@code #} per UTC hour (requests sent in that hour) and
 * the budget line ({@code -}, the daily limit shared evenly over 24 hours). A bar that crosses the line spends
 * faster than the day can afford. ASCII only, so it prints the same in any log or terminal.
 *
 * <pre>
 * Requests per hour, 2026-12-03 (UTC): 76 of 240 (32%), hour 13 now
 * 20 |                    #
 *    |                    #
 *    |                    # #
 *    |                  # # #
 * 10 |------------------#-#-#-#-#--------------------
 *    |                # # # # # #
 *    |                # # # # # #
 *    |              # # # # # # #
 *  0 +------------------------------------------------
 *     0           6           12          18        23
 * </pre>
 */
public final class BudgetChart {

    /** Rows of the chart between the axis and the tallest bar. */
    public static final int DEFAULT_HEIGHT = 8;

    private static final int HOURS = 24;
    private static final int CELL = 2;

    private BudgetChart() {
    }

    /** The chart, {@link #DEFAULT_HEIGHT} rows high, one string per line. */
    public static List<String> render(BudgetDay day) {
        return render(day, DEFAULT_HEIGHT);
    }

    /** The chart with {@code height} rows for the bars, one string per line. */
    public static List<String> render(BudgetDay day, int height) {
        if (height < 2) {
            throw new IllegalArgumentException("height must be at least 2, not " + height);
        }
        long[] counts = day.perHour();
        double budget = day.budgetPerHour();
        long most = Arrays.stream(counts).max().orElse(0);
        double top = Math.max(1, Math.max(most, Math.ceil(budget)));
        int lineRow = day.dailyLimit() > 0 ? Math.max(1, (int) Math.round(budget * height / top)) : 0;

        String topLabel = Long.toString((long) top);
        String lineLabel = number(budget);
        int width = Math.max(Math.max(topLabel.length(), lineLabel.length()), 1);

        List<String> lines = new ArrayList<>();
        lines.add(heading(day));
        for (int row = height; row >= 1; row--) {
            String label = row == lineRow ? lineLabel : row == height ? topLabel : "";
            StringBuilder b = new StringBuilder(pad(label, width)).append(" |");
            char between = row == lineRow ? '-' : ' ';
            for (int hour = 0; hour < HOURS; hour++) {
                b.append(bar(counts[hour], height, top) >= row ? '#' : between);
                if (hour < HOURS - 1) {
                    b.append(between);
                }
            }
            lines.add(stripTrailing(b));
        }
        lines.add(pad("0", width) + " +" + "-".repeat(HOURS * CELL));
        lines.add(" ".repeat(width) + "  " + hourLabels());
        return lines;
    }

    /** The chart as one text, lines ended by {@code \n}. */
    public static String text(BudgetDay day) {
        return String.join("\n", render(day)) + "\n";
    }

    private static String heading(BudgetDay day) {
        long used = day.used();
        StringBuilder b = new StringBuilder("Requests per hour, ").append(day.day()).append(" (UTC): ").append(used)
                .append(" of ").append(day.dailyLimit());
        if (day.dailyLimit() > 0) {
            b.append(" (").append(Math.round(100.0 * used / day.dailyLimit())).append("%)");
        }
        return b.append(", hour ").append(day.hour()).append(" now").toString();
    }

    /** Rows a bar fills: at least one for any request, so a single request shows. */
    private static int bar(long count, int height, double top) {
        return count == 0 ? 0 : (int) Math.max(1, Math.round(count * height / top));
    }

    private static String hourLabels() {
        char[] axis = new char[HOURS * CELL];
        Arrays.fill(axis, ' ');
        for (int hour : new int[] { 0, 6, 12, 18, 23 }) {
            String text = Integer.toString(hour);
            text.getChars(0, text.length(), axis, hour * CELL);
        }
        return new String(axis).stripTrailing();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pad(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    private static String stripTrailing(StringBuilder b) {
        return b.toString().stripTrailing();
    }
}
