namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// A numeric fact in one article, position-independent: its text (qualifier, number and what it counts: <c>più di 330
/// missili</c>), the normalised value, its unit, and what it is attached to. Where it is lies in
/// <see cref="ArticleNumbers.Spans"/>. <see cref="Head"/> is the stem of the counted noun (or the
/// verb before a bare number); <see cref="Context"/> the content stems of its sentence, which say what it is about.
/// </summary>
public sealed record NumberMention(
    string Text,
    NumberUnit Unit,
    double? Value,
    string? Label,
    NumberQualifier Qualifier,
    string Claim,
    string? Head,
    EquatableArray<string> Context)
{
    /// <summary>The value as text: <c>5000</c>, <c>175000000000</c>, <c>Friday</c>, <c>2022-02</c>.</summary>
    public string ValueText => Value is { } v ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : Label ?? "";

    /// <summary>Two values agree when equal, or when an approximate one ("circa", "almeno") is compatible with the other.</summary>
    public bool AgreesWith(NumberMention other)
    {
        if (Value is { } a && other.Value is { } b)
        {
            if (a == b) return true;
            return Compatible(this, b) || Compatible(other, a);
        }
        return string.Equals(ValueText, other.ValueText, StringComparison.Ordinal);
    }

    private static bool Compatible(NumberMention qualified, double value) => qualified.Qualifier switch
    {
        NumberQualifier.AtLeast => value >= qualified.Value,
        NumberQualifier.AtMost => value <= qualified.Value,
        NumberQualifier.About => Math.Abs(value - qualified.Value!.Value) <= 0.1 * Math.Abs(qualified.Value.Value),
        _ => false,
    };
}

public enum NumberUnit { Count, Money, Percent, Duration, Ordinal, Weekday, Month, Year, Date }

public enum NumberQualifier { Exact, About, AtLeast, AtMost }

/// <summary>
/// Every numeric fact of one article, in text order, and where each one is now: <see cref="Spans"/>[i] is the absolute
/// span of <see cref="Numbers"/>[i].
/// </summary>
public sealed record ArticleNumbers(EquatableArray<NumberMention> Numbers, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> Spans)
{
    /// <summary>The numbers with their current spans, in text order.</summary>
    public IEnumerable<(NumberMention Number, Microsoft.CodeAnalysis.Text.TextSpan Span)> Located => Numbers.Select((n, i) => (n, Spans[i]));
}
