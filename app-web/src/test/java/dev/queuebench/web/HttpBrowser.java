package dev.queuebench.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A client that keeps cookies like a browser and does not follow redirects, so that tests see each response. */
final class HttpBrowser {

    private static final Pattern TOKEN = Pattern.compile("name=\"authenticity_token\" value=\"([^\"]+)\"");

    private final RunningWeb web;
    private final HttpClient client;

    HttpBrowser(RunningWeb web) {
        this.web = web;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(web.uri(path)).GET().build());
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** Posts a form as a page of this server would, with this browser's token. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("authenticity_token", token());
        withToken.putAll(fields);
        return post(path, withToken);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return postRaw(path, encode(fields));
    }

    HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(web.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The token in the forms of the home page, as this browser sees it. */
    String token() {
        Matcher matcher = TOKEN.matcher(get("/").body());
        if (!matcher.find()) {
            throw new AssertionError("the home page has no form token");
        }
        return matcher.group(1);
    }

    static Map<String, String> startRun(String backend, String jobs) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (backend != null) {
            fields.put("benchmark_run[backend]", backend);
        }
        if (jobs != null) {
            fields.put("benchmark_run[jobs_count]", jobs);
        }
        return fields;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A page's text with the entities the templates write turned back, for assertions on messages. */
    static String text(String html) {
        return html.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request " + request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
