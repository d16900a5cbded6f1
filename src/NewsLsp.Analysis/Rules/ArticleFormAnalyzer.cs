using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS007: an article (or preposition joined with one) in the wrong form for the word after it — "agli crescenti"
/// for "ai crescenti", "al Ucraina" for "all'Ucraina", "ai studenti" for "agli studenti". A typical trace of machine
/// translation, which picks the form before it picks the next word, and of edits that replaced that word. Quick fix:
/// the right form (see <see cref="ItalianArticleForms"/>).
/// </summary>
public sealed class ArticleFormAnalyzer : ArticleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS007", "Article form does not fit the next word", "'{0}' should be '{1}'", "Language", Severity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    // Vowel-initial words an article is never followed by: when one is, words are missing, and an elision would not help.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "ad", "ai", "al", "all'", "all’", "agli", "alla", "alle", "allo", "e", "ed", "è", "o", "od", "in", "un", "una",
        "uno", "un'", "un’", "anche", "ancora", "ogni", "oppure", "ovvero", "ossia", "entro", "eppure", "infatti", "invece",
        "inoltre", "era", "erano", "essere", "ove", "oltre", "il", "i",
    };

    // Each line's findings, for the articles being edited (LineMemo.ForArticle): they read only the line (and the fixed
    // place-name list), and a keystroke changes one line, where every pair of words of the article was judged again.
    private static readonly LineMemo<ImmutableArray<FormFinding>> Lines = new(slotBits: 10);

    /// <summary>A wrong form in a line: the article's and the next word's tokens (line positions), and the form expected.</summary>
    private sealed record FormFinding(Token ArticleToken, Token NextToken, string Article, string Next, string Expected);

    public override void Analyze(ArticleAnalysisContext context)
    {
        var memo = LineMemo.ForArticle(context.Article, Lines);
        foreach (var block in context.Syntax.ProseBlocks)
        {
            foreach (var finding in LineMemo.GetOrCompute(memo, block.Content, Find))
            {
                var (article, next, expected) = (finding.Article, finding.Next, finding.Expected);
                var articleSpan = block.AbsoluteSpan(finding.ArticleToken);
                var nextSpan = block.AbsoluteSpan(finding.NextToken);
                // An elided form is written against the word: the space goes with the old form.
                var replaced = expected.EndsWith('\'') ? TextSpan.FromBounds(articleSpan.Start, nextSpan.Start) : articleSpan;
                context.Report(Rule, TextSpan.FromBounds(articleSpan.Start, nextSpan.End), Rule.FormatMessage($"{article} {next}", expected.EndsWith('\'') ? expected + next : $"{expected} {next}"), [],
                    [new ReportedFix($"Write '{expected}'", [new ReportedEdit(context.Document, replaced, expected)], IsPreferred: true)]);
            }
        }
    }

    private static ImmutableArray<FormFinding> Find(BlockContent line)
    {
        var tokens = line.Tokens;
        var chars = line.Chars;
        ImmutableArray<FormFinding>.Builder? found = null;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || tokens[i + 1].Kind != TokenKind.Word) continue;
            var articleChars = chars.Slice(tokens[i].Start, tokens[i].Length);
            if (articleChars.Length > 5 || !IsSpaceBetween(chars, tokens[i], tokens[i + 1])) continue;
            if (ItalianArticleForms.JudgedForm(articleChars) is not { } article) continue;
            // Characters, not a string: an article is followed by a word on nearly every line, a finding is rare.
            var nextChars = chars.Slice(tokens[i + 1].Start, tokens[i + 1].Length);
            var onset = ItalianArticleForms.OnsetOf(nextChars);
            if (onset == ItalianArticleForms.Onset.Unknown || !IsJudgedWord(nextChars)) continue;
            if (ItalianArticleForms.Expected(article, onset) is not { } expected) continue;
            (found ??= ImmutableArray.CreateBuilder<FormFinding>()).Add(new FormFinding(tokens[i], tokens[i + 1], article, nextChars.ToString(), expected));
        }
        return found is null ? [] : found.ToImmutable();
    }

    // Words whose first letters say how they sound: ordinary lower-case words and Italian place names ("Ucraina",
    // "Abruzzo"). Not judged: other names, which may be pronounced the foreign way ("nello Utah", "al Arabiya", "nello
    // Sichuan"); acronyms and Roman numerals ("del PSG", "nel XXI secolo": read letter by letter); words with no vowel
    // ("un sms"); "dei" ("gli dei"); function words (then something is missing or doubled, "il il", not elided).
    private static bool IsJudgedWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !HasVowel(word)) return false;
        if (FunctionWordsByChars.Contains(word) || word.Equals("dei", StringComparison.OrdinalIgnoreCase)) return false;
        return !char.IsUpper(word[0]) || (HasLower(word) && TypeEvidence.IsItalianPlaceName(word.ToString()));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordsByChars = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasVowel(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (ItalianArticleForms.IsVowel(c)) return true;
        return false;
    }

    private static bool HasLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLower(c)) return true;
        return false;
    }

    private static bool IsSpaceBetween(ReadOnlySpan<char> chars, Token first, Token second)
    {
        if (second.Start == first.End) return false;
        foreach (var c in chars[first.End..second.Start])
        {
            if (!char.IsWhiteSpace(c) || c is '\n' or '\r') return false;
        }
        return true;
    }
}
