package dev.portolan.server.ui;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;

/**
 * One headless Chromium for all browser tests of this JVM: the system's {@code /usr/bin/chromium}
 * (installed by {@code .ci/run} when missing), driven by Playwright, which is told never to
 * download a browser ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}, set by surefire). Closed when
 * the JVM exits. Not thread-safe: the browser tests run on one thread.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private static com.microsoft.playwright.Browser browser;

    private Browser() {}

    static synchronized com.microsoft.playwright.Browser get() {
        if (browser == null) {
            Playwright playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }
}
