package dev.queuebench.ports.spi;

import dev.queuebench.ports.in.BackendOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The knobs of one backend, in the order help texts and reports list them; each has a value in every profile. */
public final class Knobs {

    private static final Knobs NONE = new Knobs(List.of());

    private final List<Knob<?>> knobs;

    private Knobs(List<Knob<?>> knobs) {
        this.knobs = List.copyOf(knobs);
        Set<String> names = new HashSet<>();
        for (Knob<?> knob : this.knobs) {
            if (!names.add(knob.name())) {
                throw new IllegalArgumentException("two knobs are named " + knob.name());
            }
            if (!knob.complete()) {
                throw new IllegalArgumentException("knob " + knob.name() + " needs a value in every profile: declare"
                        + " it with shipped(...) and tuned(...), or inEveryProfile(...)");
            }
        }
    }

    public static Knobs of(Knob<?>... knobs) {
        return new Knobs(Arrays.asList(knobs));
    }

    public static Knobs none() {
        return NONE;
    }

    public List<Knob<?>> all() {
        return knobs;
    }

    /** For help texts: each knob's name, default and meaning. */
    public List<BackendOption> options() {
        return knobs.stream().map(Knob::option).toList();
    }

    /**
     * Every knob in effect, the profile's values included, as text, after checking that the settings name only these
     * knobs and give each a value it takes.
     *
     * @throws IllegalArgumentException naming an unknown knob (and the known ones), or a value that does not fit
     */
    public Map<String, String> effective(BackendSettings settings) {
        settings.requireOnly(options());
        Map<String, String> effective = new LinkedHashMap<>();
        for (Knob<?> knob : knobs) {
            effective.put(knob.name(), knob.effectiveIn(settings));
        }
        return effective;
    }
}
