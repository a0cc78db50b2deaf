package io.github.camelvelaro.velaro.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last few errors, newest first, for the dev console; bounded. */
final class RecentErrors {

    static final int CAPACITY = 10;

    private final Deque<RecentError> errors = new ArrayDeque<>(CAPACITY);

    synchronized void add(RecentError error) {
        if (errors.size() == CAPACITY) {
            errors.removeLast();
        }
        errors.addFirst(error);
    }

    synchronized List<RecentError> list() {
        return new ArrayList<>(errors);
    }
}
