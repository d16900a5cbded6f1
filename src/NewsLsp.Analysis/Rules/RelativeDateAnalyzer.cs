using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS006: "venerdì", "oggi", "la settimana scorsa" in an article that never gives a date. Such words count from the
/// day of publication, which the text does not carry: read a week later, or copied into another outlet, the article
/// no longer says when anything happened. One absolute date ("21 novembre", "21/11/2025") anchors them all, so then
/// nothing is reported. Words inside quotations are the speaker's, relative to when they spoke, and are left alone.
/// </summary>
public sealed partial class RelativeDateAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS006", "Relative date with no absolute date in the article", "'{0}' counts from a publication date the article never gives",
        "Content", Severity.Information);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    private const string Weekday = "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica";
    private const string Months = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";
    private const string Before = "scors[oa]|passat[oa]|prossim[oa]";

    // Longest forms first, so "lo scorso fine settimana" is one finding, not "fine settimana" inside it.
    [GeneratedRegex(@"(?<![\w'’])(?:"
        + @"(?:(?:lo|il|la)\s+)?(?:" + Before + @")\s+(?:fine\s+settimana|weekend|settimana|mese|anno|" + Weekday + ")"
        + @"|(?:quest[oa]\s+|quest['’])(?:fine\s+settimana|weekend|settimana|mese|anno|mattina|pomeriggio|sera|notte)"
        + @"|(?:(?:la|il|lo)\s+|l['’])?(?:fine\s+settimana|weekend|settimana|mese|anno)\s+(?:" + Before + ")"
        + @"|(?:" + Weekday + @")(?:\s+(?:" + Before + @"|mattina|pomeriggio|sera|notte))?"
        + @"|l['’]altro\s*ieri|ieri(?:\s+(?:mattina|pomeriggio|sera|notte))?|dopodomani|domani(?:\s+(?:mattina|pomeriggio|sera))?"
        + @"|oggi|stamattina|stamani|stamane|stasera|stanotte"
        + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDate();

    // A day of a month ("21 novembre", "1° maggio", "primo maggio") or a numeric date ("21/11/2025", "2025-11-21").
    [GeneratedRegex(@"\b(?:\d{1,2}\s*[°º]?|primo)\s+(?:" + Months + @")\b|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteDate();

    // Each line's dates, for the articles being edited (LineMemo.ForArticle): both scans read only the line, and a
    // keystroke changes one line, where the two regular expressions ran over every line on every keystroke.
    private static readonly LineMemo<LineDates> Lines = new(slotBits: 10);

    /// <summary>A line's dates: whether it gives an absolute one, else where its relative ones are (line positions).</summary>
    private sealed record LineDates(bool Anchored, ImmutableArray<(int Index, int Length)> Relative);

    private static readonly LineDates Anchored = new(true, []);
    private static readonly LineDates NoDates = new(false, []);

    public override void Analyze(ArticleAnalysisContext context)
    {
        var memo = LineMemo.ForArticle(context.Article, Lines);
        var lines = new List<(Block Block, LineDates Dates)>();
        foreach (var block in context.Syntax.ProseBlocks)
        {
            var dates = LineMemo.GetOrCompute(memo, block.Content, Scan);
            if (dates.Anchored) return; // a date anywhere anchors the whole article
            if (!dates.Relative.IsEmpty) lines.Add((block, dates));
        }
        if (lines.Count == 0) return;
        var quotes = context.Article.Get(QuotePairs.Query).Pairs;
        foreach (var (block, dates) in lines)
        {
            foreach (var (index, length) in dates.Relative)
            {
                var start = block.Start + index;
                if (IsInsideQuotation(quotes, start)) continue;
                context.Report(Rule, new TextSpan(start, length), block.Chars.Slice(index, length).ToString());
            }
        }
    }

    // Over the line's characters, not a string of them: most lines have no date at all.
    private static LineDates Scan(BlockContent line)
    {
        var text = line.Chars;
        if (AbsoluteDate().IsMatch(text)) return Anchored; // its relative dates are never reported
        ImmutableArray<(int, int)>.Builder? relative = null;
        foreach (var match in RelativeDate().EnumerateMatches(text))
        {
            if (IsDate(text, match.Index, match.Length)) (relative ??= ImmutableArray.CreateBuilder<(int, int)>()).Add((match.Index, match.Length));
        }
        return relative is null ? NoDates : new LineDates(false, relative.ToImmutable());
    }

    // Not a date: "il domani" (the future), a weekday after an article or "ogni" (a habit: "la domenica"), or a
    // weekday written with a capital inside a sentence (a name: "Domenica").
    private static bool IsDate(ReadOnlySpan<char> text, int index, int length)
    {
        var previous = PreviousWord(text, index);
        var word = text.Slice(index, length);
        if (word.StartsWith("domani", StringComparison.OrdinalIgnoreCase) && IsAny(previous, "il", "al", "del", "dal", "nel", "sul")) return false;
        if (!IsWeekday(word)) return true;
        if (IsAny(previous, "il", "la", "ogni")) return false;
        return !char.IsUpper(word[0]) || IsSentenceStart(text, index);
    }

    private static readonly string[] Weekdays = Weekday.Split('|');

    private static bool IsWeekday(ReadOnlySpan<char> word)
    {
        foreach (var day in Weekdays)
        {
            if (word.StartsWith(day, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsAny(ReadOnlySpan<char> word, params ReadOnlySpan<string> choices)
    {
        foreach (var choice in choices)
        {
            if (word.Equals(choice, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> PreviousWord(ReadOnlySpan<char> text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[start..end];
    }

    private static bool IsSentenceStart(ReadOnlySpan<char> text, int index)
    {
        var i = index;
        while (i > 0 && char.IsWhiteSpace(text[i - 1])) i--;
        return i == 0 || text[i - 1] is '.' or '!' or '?' or ':' or ';' or '"' or '«' or '“' or '(' or '—' or '–' or '-';
    }

    private static bool IsInsideQuotation(ImmutableArray<QuotePair> quotes, int offset)
    {
        foreach (var pair in quotes)
        {
            if (pair.Open > offset) break; // sorted by opening mark
            if (offset < pair.Close) return true;
        }
        return false;
    }
}
