/** The jq-compatible command line ({@link dev.portolan.jq.cli.JqCommandLine}) and its test-file runner. */
package dev.portolan.jq.cli;
