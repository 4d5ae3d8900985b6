package io.nbo.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out in a real browser: the page says what went wrong, and the landing page offers the screens. */
@QuarkusTest
class SignInScreenTest extends BrowserTest {

    @Test
    void aWrongPasswordStaysOnTheSignInPageWithAMessage() {
        browser.signIn("agent", "not-the-password");

        assertThat(browser.path()).isEqualTo("/login");
        browser.textIs(By.cssSelector("#message .problem strong"), "Wrong user name or password.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
        assertThat(browser.fetchStatus("/api/me")).isEqualTo(401);
        browser.screenshot("sign-in-refused");
    }

    @Test
    void anAdminChoosesAScreenAndSignsOut() {
        browser.signInAs("admin", "/");

        browser.textIs(By.cssSelector("[data-test=user]"), "admin");
        assertThat(browser.textsAre(By.cssSelector("#choices a"), List.of("Agent console", "Marketer studio")))
                .hasSize(2);
        assertThat(browser.texts(By.cssSelector("#top nav a"))).containsExactly("Agent console", "Marketer studio");
        assertThat(browser.fetchStatus("/api/me")).isEqualTo(200);
        browser.screenshot("landing-admin");

        browser.driver().findElement(By.cssSelector("#top .logout button")).click();
        browser.textIs(By.cssSelector("#message .notice"), "You are signed out.");
        assertThat(browser.fetchStatus("/api/me")).isEqualTo(401);
    }

    @Test
    void aSignedOutVisitorOfAScreenIsSentToSignInAndBackAfterwards() {
        browser.open("/");
        browser.waitUntil(d -> browser.path().equals("/login"));
        browser.signInAs("admin", "/");
        browser.textIs(By.cssSelector("[data-test=user]"), "admin");
    }
}
