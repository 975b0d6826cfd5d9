package dev.portolan.sync.jq;

/** A jq expression failed on one input (jq's message), or ran out of time. */
public class JqEvaluationException extends Exception {

    public JqEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
