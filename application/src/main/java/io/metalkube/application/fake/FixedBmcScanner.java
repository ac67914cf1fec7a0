package io.metalkube.application.fake;

import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.domain.discovery.DiscoveredBmc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link BmcScanner} that "finds" exactly the BMCs it was given. */
public final class FixedBmcScanner implements BmcScanner {

    private final List<DiscoveredBmc> bmcs = new CopyOnWriteArrayList<>();

    public FixedBmcScanner add(DiscoveredBmc bmc) {
        bmcs.add(bmc);
        return this;
    }

    @Override
    public List<DiscoveredBmc> scan() {
        return List.copyOf(bmcs);
    }
}
