package io.metalkube.ipmi.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay protection of inbound session sequence numbers. */
class InboundWindowTest {

    @Test
    void acceptsEachNumberOnceWithinTheWindow() {
        InboundWindow w = new InboundWindow();
        assertThat(w.accept(0)).as("0 is never valid").isFalse();
        assertThat(w.accept(5)).isTrue();
        assertThat(w.accept(5)).as("replay").isFalse();
        assertThat(w.accept(7)).isTrue();
        assertThat(w.accept(6)).as("late but new").isTrue();
        assertThat(w.accept(6)).isFalse();
        assertThat(w.accept(100)).isTrue();
        assertThat(w.accept(100 - InboundWindow.SIZE)).as("too old").isFalse();
        assertThat(w.accept(100 - InboundWindow.SIZE + 1)).isTrue();
    }

    @Test
    void unsignedNumbersWrapAbove2To31() {
        InboundWindow w = new InboundWindow();
        assertThat(w.accept(0x7fffffff)).isTrue();
        assertThat(w.accept(0x80000000)).isTrue();
        assertThat(w.accept(0x7fffffff)).isFalse();
    }
}
