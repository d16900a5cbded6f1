using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Analysis.Agreement;

public enum QuoteAgreement { Identical, Variant, SingleSource }

/// <summary>
/// Renderings of one statement across the sources of an event. A long quote can take part in several groups (one
/// per statement inside it) and one source can contribute several fragments of a split quote.
/// </summary>
public sealed record QuoteGroup(string Id, string EventId, string? Speaker, QuoteAgreement Agreement, ImmutableArray<QuoteVariant> Variants)
{
    public int SourceCount => Variants.Select(v => v.Document).Distinct().Count();
    public int DifferingSourceCount => Variants.Where(v => !v.Differing.IsEmpty).Select(v => v.Document).Distinct().Count();
}

/// <summary>
/// One source's rendering: the quote (the <see cref="Ordinal"/>-th of its article), its speaker as that source names
/// it, and its words that differ, as spans relative to the quote's text. Holds no absolute position: resolve one
/// against the article's current state with <see cref="AgreementLocations"/>.
/// </summary>
public sealed record QuoteVariant(DocumentKey Document, int Ordinal, QuoteMention Quote, ImmutableArray<TextSpan> Differing)
{
    public IEnumerable<string> DifferingWords => Differing.Select(s => Quote.Text.Substring(s.Start, s.Length));
}
