package io.metalkube.demo;

import io.metalkube.application.fake.FixtureTimings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixture back-end's step delays for the demo: application's realistic timings, optionally sped up. */
final class DemoTimings {

    private DemoTimings() {
    }

    static Map<String, String> fixtureSettings(double speedup) {
        FixtureTimings t = FixtureTimings.realistic();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("metalkube.fixture.register", millis(t.register(), speedup));
        props.put("metalkube.fixture.inspect", millis(t.inspect(), speedup));
        props.put("metalkube.fixture.provision", millis(t.provision(), speedup));
        props.put("metalkube.fixture.deprovision", millis(t.deprovision(), speedup));
        props.put("metalkube.fixture.power", millis(t.power(), speedup));
        return props;
    }

    private static String millis(Duration d, double speedup) {
        return Math.round(d.toMillis() / speedup) + "ms";
    }
}
