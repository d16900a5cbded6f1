using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Ide;
using NewsLsp.Ide.Hover;
using Xunit;

namespace NewsLsp.Tests.Agreement;

public class AgreementIdeTests
{
    private static readonly HoverComposer Agreement = new([new AgreementHoverProvider()]);

    private static HoverResult? Hover(HoverComposer composer, WorkspaceSnapshot snapshot, DocumentKey key, int offset)
    {
        if (snapshot.GetArticle(key) is not { } article) return null;
        var request = HoverRequest.Create(snapshot, key, article.Text.Lines.GetLinePosition(offset));
        return request is null ? null : composer.Compose(request, CancellationToken.None);
    }

    [Fact]
    public void Hover_on_a_quote_shows_every_rendering_with_the_differing_words_marked()
    {
        var snapshot = Articles.Seeds();
        var key = new DocumentKey("002_a8f9b7003806acf8.txt");
        var hover = Hover(Agreement, snapshot, key, 2780); // inside “molto importante e fruttuoso”
        Assert.NotNull(hover);
        Assert.Contains("| `000_741cba54a8a3ee60.txt` | molto importante e fruttuosa |", hover.Markdown);
        Assert.Contains("| `002_a8f9b7003806acf8.txt` | molto importante e **fruttuoso** |", hover.Markdown);
        Assert.Contains("volodymyr-zelensky", hover.Markdown);
        Assert.Equal(snapshot.GetRequiredArticle(key).Text.Lines.GetLinePosition(2775), hover.Range!.Value.Start);
    }

    [Fact]
    public void Hover_on_a_number_shows_each_source_and_nothing_shows_on_plain_text()
    {
        var snapshot = Articles.Seeds();
        var hover = Hover(Agreement, snapshot, new DocumentKey("001_f8b53886ee73cfbf.txt"), 2148);
        Assert.NotNull(hover);
        Assert.Contains("2 sources agree", hover.Markdown);
        Assert.Contains("| `002_a8f9b7003806acf8.txt` | 539 droni progettati | 539 |", hover.Markdown);
        Assert.Null(Hover(Agreement, snapshot, new DocumentKey("001_f8b53886ee73cfbf.txt"), 5));
        Assert.Null(Hover(Agreement, snapshot, new DocumentKey("missing.txt"), 5));
    }

    [Fact]
    public void Hover_composes_providers()
    {
        var snapshot = Articles.Seeds();
        var composer = new HoverComposer([new AgreementHoverProvider(), new FixedProvider()]);
        var hover = Hover(composer, snapshot, new DocumentKey("002_a8f9b7003806acf8.txt"), 2780)!;
        Assert.Contains("\n\n---\n\nentity card", hover.Markdown);
        Assert.StartsWith("**Quote**", hover.Markdown);
    }

    [Fact]
    public void Lenses_count_sources_and_differences()
    {
        var snapshot = Articles.Seeds();
        var lenses = AgreementLenses.For(snapshot, new DocumentKey("000_741cba54a8a3ee60.txt"));
        Assert.Contains(lenses, l => l.Span.Start == 411 && l.Label == "3 sources · 1 differs");
        Assert.Contains(lenses, l => l.Kind == "number" && l.Label == "3 sources · agree");
        Assert.DoesNotContain(lenses, l => l.Label.StartsWith("1 source", StringComparison.Ordinal));
    }

    private sealed class FixedProvider : IHoverProvider
    {
        public IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken) =>
            [new HoverSection(HoverOrder.Number + 1, "entity card", new TextSpan(request.Offset, 1))];
    }
}
