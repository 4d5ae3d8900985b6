package io.nbo.rules.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CONDITION or ACTION code template split into tokens. Only a small language is accepted: names, numbers, plain
 * strings, parameters ({@code $param}, {@code $1}), comparison and logic operators, brackets, commas, dots and
 * semicolons. Anything else (braces, {@code @}, backslashes, binding colons ...) makes the template unreadable here,
 * and so refused.
 */
record Template(List<Token> tokens) {

    enum Kind { NAME, NUMBER, STRING, PARAM, QUOTED_PARAM, OPERATOR, PUNCT }

    record Token(Kind kind, String text) {
        boolean is(String value) {
            return text.equals(value);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:\"(\\$(?:param|\\d+))\"|(\"[^\"\\\\$]*\")"
            + "|(\\$(?:param|\\d+))|([A-Za-z_][A-Za-z0-9_]*)|(-?\\d+(?:\\.\\d+)?)"
            + "|(==|!=|>=|<=|&&|\\|\\||[<>!])|([(),.;]))");

    /** The tokens, or the first character that is not allowed, as an exception message. */
    static Template parse(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                int bad = at;
                while (bad < text.length() && Character.isWhitespace(text.charAt(bad))) {
                    bad++;
                }
                throw new IllegalArgumentException("'" + text.charAt(bad) + "' (at \"" + excerpt(text, bad)
                        + "\") is not allowed in a template");
            }
            tokens.add(token(m));
            at = m.end();
        }
        return new Template(tokens);
    }

    private static Token token(Matcher m) {
        if (m.group(1) != null) {
            return new Token(Kind.QUOTED_PARAM, m.group(1));
        }
        if (m.group(2) != null) {
            return new Token(Kind.STRING, m.group(2));
        }
        if (m.group(3) != null) {
            return new Token(Kind.PARAM, m.group(3));
        }
        if (m.group(4) != null) {
            return new Token(Kind.NAME, m.group(4));
        }
        if (m.group(5) != null) {
            return new Token(Kind.NUMBER, m.group(5));
        }
        if (m.group(6) != null) {
            return new Token(Kind.OPERATOR, m.group(6));
        }
        return new Token(Kind.PUNCT, m.group(7));
    }

    Token at(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : new Token(Kind.PUNCT, "");
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 10));
    }
}
