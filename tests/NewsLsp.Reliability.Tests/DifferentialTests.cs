using System.Collections.Immutable;
using NewsLsp.Analysis;
using NewsLsp.Differential;
using Xunit;
using Xunit.Abstractions;

namespace NewsLsp.Reliability.Tests;

/// <summary>
/// The CI variant of tools/NewsLsp.Differential: a few thousand random operations over a four-article workspace,
/// incremental vs from scratch after every step. The long run is documented in docs/reliability.md.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> Seeds = Corpus.Load();

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public void Incremental_equals_from_scratch_over_random_operations(int seed)
    {
        var initial = Enumerable.Range(0, 4).Select(i => Seeds[(i + seed) % Seeds.Count]).ToList();
        var result = new DifferentialRunner(new Facts()).Run(seed, 2000, initial, Seeds, shrinkBudget: TimeSpan.FromSeconds(60));
        output.WriteLine(result.Report());
        Assert.True(result.Difference is null, result.Report());
        Assert.Equal(2000, result.Steps);
        Assert.InRange(result.Comparisons, 1999, 2000);   // a revisit as the very first step has nothing to revisit
    }

    [Fact]
    public void Facts_are_discovered_from_the_engine_assemblies()
    {
        var facts = new Facts();
        Assert.Contains("Suppressions.Query", facts.ArticleQueryNames);
        Assert.Contains("QuotePairs.Query", facts.ArticleQueryNames);
    }

    [Fact]
    public void A_faulty_incremental_update_is_found_and_shrunk()
    {
        // A corpus fact whose Update forgets that an article can stop mentioning Kyiv: only the incremental side is wrong.
        var facts = new Facts();
        facts.Add(ForgetfulKyivIndex.Instance, "ForgetfulKyivIndex");
        var initial = new[] { "Titolo\nA Kyiv si tratta.", "Altro titolo\nNiente da dire.", "Terzo\nKyiv e Roma." };
        var result = new DifferentialRunner(facts).Run(7, 5000, initial, initial, shrinkBudget: TimeSpan.FromSeconds(60));
        output.WriteLine(result.Report());

        Assert.NotNull(result.Difference);
        Assert.Contains("ForgetfulKyivIndex", result.Difference!.Expected + result.Difference.What);
        Assert.NotNull(result.Shrunk);
        Assert.InRange(result.Shrunk!.Count, 1, 2);
        Assert.NotNull(result.ShrunkDifference);
        Assert.Contains("--seed 7 --steps", result.Report());
    }

    [Fact]
    public void The_same_seed_gives_the_same_operations()
    {
        var a = new Generator(42, 3, Seeds);
        var b = new Generator(42, 3, Seeds);
        for (var i = 0; i < 500; i++) Assert.Equal(a.Next().ToString(), b.Next().ToString());
    }

    [Fact]
    public void Edits_resolve_to_lsp_positions_that_never_split_crlf()
    {
        var text = "ab\r\ncd";
        var (range, start, end) = Model.Resolve(text, new EditSpec(Anchor.Fraction, 0.5, 0, "x", 0));   // offset 3 is inside CRLF
        Assert.Equal(2, start);
        Assert.Equal(start, end);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 2), range.Start);
        Assert.Equal("abx\r\ncd", Model.Apply(text, new EditSpec(Anchor.Fraction, 0.5, 0, "x", 0)));
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 0), Model.PositionOf("a\rb\n", 4));
    }

    private sealed record Mentions(bool Kyiv) : IEquatable<Mentions>;

    private sealed class ForgetfulKyivIndex : CorpusQuery<Mentions, ImmutableSortedSet<string>>
    {
        public static readonly ForgetfulKyivIndex Instance = new();
        private static readonly ArticleQuery<Mentions> SummaryQuery =
            new FunctionArticleQuery<Mentions>("kyiv-mentions", a => new Mentions(a.Text.ToString().Contains("Kyiv", StringComparison.Ordinal)));

        private ForgetfulKyivIndex() : base("forgetful-kyiv-index") { }

        public override ArticleQuery<Mentions> Summary => SummaryQuery;

        protected override ImmutableSortedSet<string> Compute(ImmutableSortedDictionary<DocumentKey, Mentions> summaries) =>
            [.. summaries.Where(s => s.Value.Kyiv).Select(s => s.Key.Value)];

        // The bug: adds newcomers, never removes an article that no longer mentions Kyiv.
        protected override ImmutableSortedSet<string> Update(ImmutableSortedSet<string> previous,
            ImmutableSortedDictionary<DocumentKey, Mentions> summaries, IReadOnlyList<SummaryChange<Mentions>> changes) =>
            previous.Union(changes.Where(c => c.After?.Kyiv == true).Select(c => c.Key.Value));
    }
}
