namespace NewsLsp.Analysis;

/// <summary>
/// How many other sources one agreement finding (NEWS020–022) names in its message and points at with related
/// locations. Why a bound: each finding used to list every other mention of the event, so an article's diagnostics grew
/// with the whole event and the corpus's with its square — a 100-article event produced messages of 250,000 characters
/// and pulls of megabytes, and the server's memory grew with them (found by the soak). The complete picture of an
/// event stays available where it is asked for (hover, code lens, <c>newslsp facts</c>).
/// </summary>
internal static class AgreementFanOut
{
    /// <summary>Other sources named in a message; the rest are counted ("and 12 more").</summary>
    public const int MaxNamed = 3;

    /// <summary>Related locations of one finding.</summary>
    public const int MaxRelated = 10;

    /// <summary>The first <see cref="MaxNamed"/> items described and joined, then how many were left out.</summary>
    public static string Name<T>(IReadOnlyList<T> items, Func<T, string> describe, string separator)
    {
        var named = string.Join(separator, items.Take(MaxNamed).Select(describe));
        return items.Count > MaxNamed ? $"{named} and {items.Count - MaxNamed} more" : named;
    }
}
