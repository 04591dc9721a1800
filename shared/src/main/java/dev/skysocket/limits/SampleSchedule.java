package dev.skysocket.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of a key's events this process writes when counting one in {@code weight} ({@link SampledCounting}): every
 * {@code weight}-th event of the key, starting at a random place in the cycle. Each event is thus written with
 * probability {@code 1/weight}, whatever the process saw before, so the expected count stays exact; and one process
 * writes exactly one event in {@code weight} (plus one at most), rather than a number that varies with the draw.
 * A process frozen or discarded loses only its place in the cycle, never a count; so does a key it forgets.
 *
 * <p>Remembers the {@value #REMEMBERED} keys it saw last; one forgotten starts again at a random place.
 */
public final class SampleSchedule {
    static final int REMEMBERED = 10_000;

    private final int weight;
    private final Draw draw;
    /** Per key, how many of its events to let pass before the next written one. */
    private final Map<String, int[]> left = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SampleSchedule(int weight, Draw draw) {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be positive");
        }
        this.weight = weight;
        this.draw = draw;
    }

    public int weight() {
        return weight;
    }

    /** Whether this event of {@code key} is written (and then adds {@link #weight}); always at weight 1. */
    public boolean writes(String key) {
        if (weight == 1) {
            return true;
        }
        synchronized (left) {
            int[] pass = left.computeIfAbsent(key, k -> new int[] {draw.below(weight)});
            if (pass[0] == 0) {
                pass[0] = weight - 1;
                return true;
            }
            pass[0]--;
            return false;
        }
    }
}
