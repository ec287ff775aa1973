package dev.queuebench.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed double-submit tokens: each browser gets a random id in an HTTP-only cookie, and its forms carry the HMAC of
 * that id under a key that lives as long as the server. Another site can make a browser send the cookie, but can
 * neither read it nor compute the token, so its forged form fails. Nothing is stored on the server; a restart
 * invalidates the forms of open pages (a reload fixes that).
 */
final class CsrfTokens {

    static final String COOKIE = "qb_browser";
    static final String FIELD = "authenticity_token";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;
    private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The token for this browser's forms; a browser without an id gets one with this response. */
    String tokenFor(Context ctx) {
        String browser = ctx.cookie(COOKIE);
        if (browser == null || !BROWSER_ID.matcher(browser).matches()) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            browser = BASE64.encodeToString(id);
            ctx.cookie(new Cookie(COOKIE, browser, "/", COOKIE_MAX_AGE_SECONDS, false, true, null, SameSite.LAX));
        }
        return sign(browser);
    }

    /** @throws ForbiddenResponse unless the request carries the token of the browser that sends it */
    void verify(Context ctx) {
        String browser = ctx.cookie(COOKIE);
        String token = isForm(ctx) ? ctx.formParam(FIELD) : null;
        if (browser == null || token == null || !BROWSER_ID.matcher(browser).matches()
                || !MessageDigest.isEqual(sign(browser).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse("This form's security token is missing or out of date."
                    + " Reload the page and submit it again.");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private String sign(String browser) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(browser.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }
}
