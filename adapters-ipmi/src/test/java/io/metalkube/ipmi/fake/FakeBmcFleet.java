package io.metalkube.ipmi.fake;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ipmi.crypto.CipherSuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake BMCs (suites 3 and 17) on 127.0.8.1, one per target, closed together. */
public final class FakeBmcFleet implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "fake-pass-17";

    private final List<FakeBmc> started = new CopyOnWriteArrayList<>();
    private final Map<String, FakeBmc> byAddress = new ConcurrentHashMap<>();

    public FakeBmc start() {
        try {
            FakeBmc bmc = FakeBmc.start("127.0.8.1", EnumSet.of(CipherSuite.SUITE_3, CipherSuite.SUITE_17), USER, PASSWORD);
            started.add(bmc);
            byAddress.put(BmcAddress.parse(bmc.bmcAddress()).toString(), bmc);
            return bmc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BackendTarget newTarget() {
        FakeBmc bmc = start();
        BmcAddress address = BmcAddress.parse(bmc.bmcAddress());
        return new BackendTarget(new HostId("fake", "host-" + address.port()), "", address, BmcCredentials.of(USER, PASSWORD), "", false);
    }

    public FakeBmc bmcOf(BackendTarget t) {
        return byAddress.get(t.address().toString());
    }

    @Override
    public void close() {
        started.forEach(FakeBmc::close);
    }
}
