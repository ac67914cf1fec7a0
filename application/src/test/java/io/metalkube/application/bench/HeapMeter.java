package io.metalkube.application.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Heap high-water mark from the heap MemoryPoolMXBeans' peak usage. Reflection, because the application module (in
 * which the test sources compile) does not read java.management.
 */
final class HeapMeter {

    private final List<Object> heapPools = new ArrayList<>();

    HeapMeter() {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Object heapType = Class.forName("java.lang.management.MemoryType").getField("HEAP").get(null);
            for (Object pool : (List<?>) factory.getMethod("getMemoryPoolMXBeans").invoke(null)) {
                if (call(pool, "getType").equals(heapType)) {
                    heapPools.add(pool);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the memory pools", e);
        }
    }

    /** Forgets the peaks so far (call after a GC, before the measured work). */
    void reset() {
        heapPools.forEach(p -> call(p, "resetPeakUsage"));
    }

    /** Sum of the heap pools' peak usage since {@link #reset}: an upper bound of the heap high-water mark. */
    long peakBytes() {
        long sum = 0;
        for (Object p : heapPools) {
            sum += (long) call(call(p, "getPeakUsage"), "getUsed");
        }
        return sum;
    }

    /** Heap in use right after a full collection: what the operator's data really holds. */
    static long liveBytesAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Object call(Object target, String method) {
        try {
            var m = Class.forName(method.equals("getUsed") ? "java.lang.management.MemoryUsage" : "java.lang.management.MemoryPoolMXBean")
                    .getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method + " on a memory pool", e);
        }
    }
}
