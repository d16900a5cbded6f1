using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Ide.Hover;
using Xunit;

namespace NewsLsp.Tests.Ide;

public class HoverComposerTests
{
    private sealed class Fixed(params HoverSection[] sections) : IHoverProvider
    {
        public IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken) => sections;
    }

    private sealed class Throwing : IHoverProvider
    {
        public IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }

    private static HoverRequest Request()
    {
        var key = new DocumentKey("a.txt");
        var snapshot = WorkspaceSnapshot.Create().WithDocumentText(key, SourceText.From("Titolo\n\nIl testo dell'articolo."));
        return HoverRequest.Create(snapshot, key, new LinePosition(2, 4))!;
    }

    [Fact]
    public void Sections_of_all_providers_are_joined_by_order_and_the_range_is_the_first_spanned_section()
    {
        var failures = new List<string>();
        var composer = new HoverComposer([
            new Fixed(new HoverSection(HoverOrder.Number, "numbers", new TextSpan(8, 2))),
            new Throwing(),
            new Fixed(new HoverSection(HoverOrder.Entity, "entity", null), new HoverSection(HoverOrder.Quote, "quote", new TextSpan(11, 5))),
        ]);
        composer.ProviderFailed += (provider, ex) => failures.Add(ex.Message);
        var result = composer.Compose(Request(), CancellationToken.None)!;
        Assert.Equal("entity" + HoverComposer.Separator + "quote" + HoverComposer.Separator + "numbers", result.Markdown);
        Assert.Equal(new LinePositionSpan(new LinePosition(2, 3), new LinePosition(2, 8)), result.Range);
        Assert.Equal(["boom"], failures);
    }

    [Fact]
    public void No_sections_means_no_hover()
    {
        var composer = new HoverComposer([new Fixed(), new Fixed(new HoverSection(HoverOrder.Entity, "  ", null))]);
        Assert.Null(composer.Compose(Request(), CancellationToken.None));
    }
}
