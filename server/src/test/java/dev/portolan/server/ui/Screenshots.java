package dev.portolan.server.ui;

import com.microsoft.playwright.Page;

import java.nio.file.Path;

/**
 * Saves full-page screenshots under {@code ui/target/screenshots/} (surefire passes the path), so
 * every page the browser tests visit can be looked at after a build.
 */
final class Screenshots {

    static final Path DIRECTORY = Path.of(System.getProperty("portolan.ui.screenshots", "../ui/target/screenshots"));

    private Screenshots() {}

    static void save(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(DIRECTORY.resolve(name + ".png")).setFullPage(true));
    }
}
