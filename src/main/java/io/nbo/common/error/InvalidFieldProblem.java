package io.nbo.common.error;

/** A request field holds a value we cannot use: answered 400 naming the field. */
public class InvalidFieldProblem extends RuntimeException {

    private final String field;

    public InvalidFieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
