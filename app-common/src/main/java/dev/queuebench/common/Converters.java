package dev.queuebench.common;

import dev.queuebench.domain.Durations;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.SchedulingMode;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How command-line text becomes values; a bad value becomes a one-line message and exit code 2. */
public final class Converters {

    private Converters() {
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code shipped} or {@code tuned}. */
    public static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code one_by_one} or {@code in_bulk}. */
    public static final class ModeConverter implements ITypeConverter<SchedulingMode> {
        @Override
        public SchedulingMode convert(String value) {
            try {
                return SchedulingMode.fromWireName(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
