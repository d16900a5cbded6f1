namespace NewsLsp.Ner.Tests;

public class EvaluationTests
{
    [Fact]
    public void Token_and_span_scores_on_a_hand_made_example()
    {
        // gold:      Mario Rossi (PER) | Roma (LOC) | Banca d' Italia (ORG)
        // predicted: Mario Rossi (PER) | Roma as ORG | Banca d' (ORG, boundary wrong) | "oggi" as LOC
        string[] gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O"];
        string[] pred = ["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "B-LOC"];
        var evaluation = new NerEvaluation();
        evaluation.Add(gold, pred);

        // Tokens: tp = Mario, Rossi, Banca, d' = 4; fp = Roma(ORG), oggi(LOC) = 2; fn = Roma(LOC), Italia(ORG) = 2.
        Assert.Equal(new NerScore(4, 2, 2), evaluation.TokenMicro);
        Assert.Equal(4.0 / 6, evaluation.TokenMicro.Precision, 10);
        Assert.Equal(4.0 / 6, evaluation.TokenMicro.Recall, 10);
        Assert.Equal(4.0 / 6, evaluation.TokenMicro.F1, 10);
        Assert.Equal(new NerScore(2, 0, 0), evaluation.TokenByType["PER"]);
        Assert.Equal(new NerScore(0, 1, 1), evaluation.TokenByType["LOC"]);
        Assert.Equal(new NerScore(2, 1, 1), evaluation.TokenByType["ORG"]);

        // Spans: only Mario Rossi matches exactly; 4 predicted, 3 gold.
        Assert.Equal(new NerScore(1, 3, 2), evaluation.SpanMicro);
        Assert.Equal(0.25, evaluation.SpanMicro.Precision, 10);
        Assert.Equal(1.0 / 3, evaluation.SpanMicro.Recall, 10);
        Assert.Equal(2 * 0.25 * (1.0 / 3) / (0.25 + 1.0 / 3), evaluation.SpanMicro.F1, 10);
    }

    [Fact]
    public void Spans_follow_conlleval_for_stray_inside_tags()
    {
        var spans = NerEvaluation.Spans(["I-PER", "I-PER", "B-LOC", "I-ORG", "O"]);
        Assert.Equal(3, spans.Count);
        Assert.Contains((0, 2, "PER"), spans);
        Assert.Contains((2, 3, "LOC"), spans);
        Assert.Contains((3, 4, "ORG"), spans);
    }

    [Fact]
    public void Empty_scores_are_zero_not_NaN()
    {
        var evaluation = new NerEvaluation();
        evaluation.Add(["O", "O"], ["O", "O"]);
        Assert.Equal(0, evaluation.TokenMicro.F1);
        Assert.Equal(0, evaluation.SpanMicro.F1);
    }
}
