namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// A numeric fact in one article: its span (qualifier, number and what it counts: <c>più di 330 missili</c>), the
/// normalised value, its unit, and what it is attached to. <see cref="Head"/> is the stem of the counted noun (or the
/// verb before a bare number); <see cref="Context"/> the content stems of its sentence, which say what it is about.
/// </summary>
public sealed record NumberMention(
    int Start,
    int End,
    string Text,
    NumberUnit Unit,
    double? Value,
    string? Label,
    NumberQualifier Qualifier,
    string Claim,
    string? Head,
    EquatableArray<string> Context)
{
    public Microsoft.CodeAnalysis.Text.TextSpan Span => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Start, End);

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

/// <summary>Every numeric fact of one article, in text order.</summary>
public sealed record ArticleNumbers(EquatableArray<NumberMention> Numbers);
