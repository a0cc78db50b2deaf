package io.github.camelvelaro.sandbox.store;

import io.github.camelvelaro.velaro.model.Transcript;

/**
 * Told about every change, in the order the changes happened (it is called while the store holds its lock, so it
 * must only hand the change on, never call back into the store or block).
 */
public interface ChangeListener {

    /** @param data a snapshot of the {@code Conversation} or {@code Contact} after the change */
    void changed(ChangeType type, Object data);

    /** A conversation ended (resolved or abandoned): its transcript is ready. */
    void ended(Transcript transcript);

    ChangeListener NONE = new ChangeListener() {
        @Override
        public void changed(ChangeType type, Object data) {
        }

        @Override
        public void ended(Transcript transcript) {
        }
    };
}
