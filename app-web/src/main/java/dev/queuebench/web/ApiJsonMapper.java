package dev.queuebench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.common.RunJson;
import io.javalin.json.JsonMapper;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** Javalin's JSON through {@link RunJson#mapper()}, so the API writes runs exactly as the CLI prints them. */
final class ApiJsonMapper implements JsonMapper {

    @Override
    public String toJsonString(Object value, Type type) {
        try {
            return RunJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
