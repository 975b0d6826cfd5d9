package dev.portolan.ui.web;

/** The view model of the error page: the HTTP status, a heading, and what to do about it. */
public record ErrorView(int status, String heading, String message) {}
