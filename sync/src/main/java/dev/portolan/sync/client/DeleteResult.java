package dev.portolan.sync.client;

import java.util.List;

/**
 * @param deleted how many entities were deleted, dependents included
 * @param errors  one message per identifier that could not be deleted
 */
public record DeleteResult(int deleted, List<String> errors) {}
