namespace NewsLsp.Ide.Hover;

/// <summary>
/// One contributor to the hover: entity cards, quote comparisons, number checks… Each provider looks at the
/// position on its own and returns zero or more sections; <see cref="HoverComposer"/> puts them together, so a new
/// kind of hover content is one new provider, not a change to the others or to the LSP handler.
/// </summary>
public interface IHoverProvider
{
    IEnumerable<HoverSection> GetSections(HoverRequest request, CancellationToken cancellationToken);
}
