using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Ide;

/// <summary>What a hover shows: Markdown and the span it is about.</summary>
public sealed record HoverContent(string Markdown, TextSpan Span);

/// <summary>One source of hover content (an entity card, cross-source agreement…).</summary>
public interface IHoverProvider
{
    HoverContent? Provide(WorkspaceSnapshot snapshot, DocumentKey document, int offset);
}

/// <summary>
/// Composes hover providers: every provider that has something to say at the position contributes a section, in
/// registration order, separated by a rule; the span is the narrowest one offered.
/// </summary>
public sealed class HoverService(IReadOnlyList<IHoverProvider> providers)
{
    public static HoverService Default { get; } = new([new AgreementHoverProvider()]);

    public IReadOnlyList<IHoverProvider> Providers { get; } = providers;

    public HoverService With(IHoverProvider provider) => new([.. Providers, provider]);

    public HoverContent? Hover(WorkspaceSnapshot snapshot, DocumentKey document, int offset)
    {
        if (!snapshot.Contains(document)) return null;
        var parts = Providers.Select(p => p.Provide(snapshot, document, offset)).OfType<HoverContent>().ToList();
        if (parts.Count == 0) return null;
        var span = parts.MinBy(p => p.Span.Length)!.Span;
        return new HoverContent(string.Join("\n\n---\n\n", parts.Select(p => p.Markdown)), span);
    }
}
