package io.nbo.screens;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests ({@code @QuarkusTest} classes): one headless Chromium per test class, against the server
 * the test started, signed out before each test so none depends on another. A subclass signs in as the user its
 * journey needs ({@code browser.signInAs("agent", "/agent/")}) and saves its screenshot with
 * {@code browser.screenshot("journey")} (target/screenshots).
 *
 * <p>A base class rather than a JUnit extension instance: {@code @QuarkusTest} runs the test class in its own class
 * loader, and static lifecycle methods run there too, so the browser lives where the test methods run.
 */
public abstract class BrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(URI.create(TestHTTPResourceManager.getUri()));
    }

    @BeforeEach
    void signedOut() {
        browser.open("/login");
        browser.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
