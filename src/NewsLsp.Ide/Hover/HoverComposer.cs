using NewsLsp.Text;
namespace NewsLsp.Ide.Hover;

/// <summary>
/// Asks every <see cref="IHoverProvider"/> and joins their sections with horizontal rules. The hover's range is the
/// span of the first section that has one. A provider that throws loses only its own sections.
/// </summary>
public sealed class HoverComposer(IEnumerable<IHoverProvider> providers)
{
    public const string Separator = "\n\n---\n\n";

    private readonly IReadOnlyList<IHoverProvider> _providers = providers.ToList();

    /// <summary>Raised when a provider throws (for the edge to log); the hover is composed from the others.</summary>
    public event Action<IHoverProvider, Exception>? ProviderFailed;

    public HoverResult? Compose(HoverRequest request, CancellationToken cancellationToken)
    {
        var sections = new List<(HoverSection Section, int Index)>();
        for (var i = 0; i < _providers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                foreach (var section in _providers[i].GetSections(request, cancellationToken))
                {
                    if (!string.IsNullOrWhiteSpace(section.Markdown)) sections.Add((section, sections.Count));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ProviderFailed?.Invoke(_providers[i], ex);
            }
        }
        if (sections.Count == 0) return null;
        var ordered = sections.OrderBy(s => s.Section.Order).ThenBy(s => s.Index).Select(s => s.Section).ToList();
        var text = request.Snapshot.GetRequiredArticle(request.Document).Text;
        var range = ordered.FirstOrDefault(s => s.Span is not null)?.Span is { } span ? LineMap.Of(text).GetLinePositionSpan(span) : (Microsoft.CodeAnalysis.Text.LinePositionSpan?)null;
        return new HoverResult(string.Join(Separator, ordered.Select(s => s.Markdown.Trim())), range);
    }
}
