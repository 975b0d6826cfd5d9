package dev.portolan.ui.signin;

/**
 * The sign-in form.
 *
 * @param error     why the last attempt failed, or null
 * @param formToken the double-submit token the form must send back
 */
public record SignInView(String clientId, String next, String error, String formToken) {}
