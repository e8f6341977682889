package cn.gongkai.ledger.platform;

import java.util.List;

/** Input that fails validation: answered with 400 and the problems, field by field; nothing is stored. */
public class InputRejected extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InputRejected(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageEn()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public InputRejected(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
