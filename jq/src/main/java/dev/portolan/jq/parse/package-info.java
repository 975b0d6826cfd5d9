/** Internal: the lexer and parser, from jq source text to the syntax tree. */
package dev.portolan.jq.parse;
