namespace NewsLsp.Analysis.Agreement;

/// <summary>The identity of a quote group's speaker: the group's speaker first, then how the other sources name theirs.</summary>
public static class SpeakerIds
{
    public static string? Of(QuoteGroup group, ISpeakerIdentity speakers)
    {
        if (group.Speaker is null) return null;
        foreach (var variant in group.Variants.OrderBy(v => v.Quote.Speaker == group.Speaker ? 0 : 1))
        {
            if (variant.Quote.Speaker is { } name && speakers.IdOf(variant.Document, name) is { } id) return id;
        }
        return null;
    }
}
