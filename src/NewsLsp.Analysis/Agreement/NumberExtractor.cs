using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// Finds the numeric facts of one article and normalises them: Italian digits (<c>5.000</c> → 5000, <c>1,5</c>),
/// scales and currencies (<c>175 miliardi di dollari</c>), number words (<c>tre sistemi</c>), durations
/// (<c>un'ora e mezza</c> → 90 minutes, <c>un giorno dopo</c>), ordinals (<c>sesto colloquio</c>), weekdays, months
/// and years, with their qualifiers (<c>almeno</c>, <c>circa</c>, <c>quasi</c>, <c>più di</c>). Identifiers are not
/// quantities: a number right after a capitalised word (<c>Articolo 5</c>) or <c>numero</c> is skipped, and so is a
/// number word after a definite article (<c>i due leader</c> refers, it does not count).
/// </summary>
public static class NumberExtractor
{
    // The numbers of sentences scanned before, for the articles being edited (SentenceMemo.ForArticle): a keystroke
    // changes one sentence, and a sentence's numbers depend on nothing else. 2,048 sentences per generation is about
    // fifty articles.
    private static readonly SentenceMemo<ImmutableArray<(NumberMention, Microsoft.CodeAnalysis.Text.TextSpan)>> Sentences = new(2048);

    public static readonly ArticleQuery<ArticleNumbers> Query =
        new FunctionArticleQuery<ArticleNumbers>("agreement-numbers", a => Extract(a.Syntax, SentenceMemo.ForArticle(a, Sentences)));

    private static readonly FrozenDictionary<string, double> NumberWords = new Dictionary<string, double>
    {
        ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8, ["nove"] = 9,
        ["dieci"] = 10, ["undici"] = 11, ["dodici"] = 12, ["venti"] = 20, ["trenta"] = 30, ["cento"] = 100, ["mille"] = 1000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Ordinals = new Dictionary<string, double>
    {
        ["secondo"] = 2, ["seconda"] = 2, ["terzo"] = 3, ["terza"] = 3, ["quarto"] = 4, ["quarta"] = 4, ["quinto"] = 5,
        ["quinta"] = 5, ["sesto"] = 6, ["sesta"] = 6, ["settimo"] = 7, ["settima"] = 7, ["ottavo"] = 8, ["ottava"] = 8,
        ["nono"] = 9, ["nona"] = 9, ["decimo"] = 10, ["decima"] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>
    {
        ["mila"] = 1e3, ["milione"] = 1e6, ["milioni"] = 1e6, ["miliardo"] = 1e9, ["miliardi"] = 1e9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> VagueScales = new Dictionary<string, string>
    {
        ["centinaia"] = "hundreds", ["migliaia"] = "thousands", ["decine"] = "tens", ["milioni"] = "millions", ["miliardi"] = "billions",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Currencies = new Dictionary<string, string>
    {
        ["dollari"] = "USD", ["dollaro"] = "USD", ["euro"] = "EUR", ["sterline"] = "GBP", ["rubli"] = "RUB", ["grivne"] = "UAH",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Duration units, normalised to minutes or days.
    private static readonly FrozenDictionary<string, (string Unit, double Factor)> TimeUnits = new Dictionary<string, (string, double)>
    {
        ["minuto"] = ("minutes", 1), ["minuti"] = ("minutes", 1), ["ora"] = ("minutes", 60), ["ore"] = ("minutes", 60),
        ["giorno"] = ("days", 1), ["giorni"] = ("days", 1), ["settimana"] = ("days", 7), ["settimane"] = ("days", 7),
        ["mese"] = ("months", 1), ["mesi"] = ("months", 1), ["anno"] = ("years", 1), ["anni"] = ("years", 1),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Weekdays = new Dictionary<string, string>
    {
        ["lunedì"] = "Monday", ["martedì"] = "Tuesday", ["mercoledì"] = "Wednesday", ["giovedì"] = "Thursday",
        ["venerdì"] = "Friday", ["sabato"] = "Saturday", ["domenica"] = "Sunday",
        ["lunedi"] = "Monday", ["martedi"] = "Tuesday", ["mercoledi"] = "Wednesday", ["giovedi"] = "Thursday", ["venerdi"] = "Friday",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] MonthNames =
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

    private static readonly FrozenSet<string> DefiniteArticles = new[]
    {
        "i", "gli", "le", "il", "lo", "la", "l'", "dei", "degli", "delle", "ai", "agli", "alle", "nei", "negli", "nelle", "coi",
        "al", "del", "nel", "alla", "della", "nella", "dal", "dalla", "sul", "sulla", "questi", "queste", "quei", "quelle",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Casualty = new[] { "uccid", "uccis", "mort", "ferit", "ferend", "vittim" }.ToFrozenSet(StringComparer.Ordinal);

    // Every word that can start a number expression (Words looks these up and nothing else before it returns): a word
    // outside this set is skipped without making its text or normalised form.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StartWords = Weekdays.Keys
        .Concat(MonthNames).Concat(["un", "una", "un'", "uno"]).Concat(NumberWords.Keys).Concat(VagueScales.Keys).Concat(Ordinals.Keys)
        .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WeekdaysByChars =
        Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words are normalised into stack buffers of this size; longer ones (none in practice) take the string path.
    private const int StackWord = 64;

    private static readonly FrozenSet<string> OrdinalModifiers = new[] { "più", "grande", "grandi", "maggiore", "importante", "nuovo", "nuova" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Func<Block, Sentence, ImmutableArray<(NumberMention, Microsoft.CodeAnalysis.Text.TextSpan)>> ScanSentence =
        static (block, sentence) => Scan(block, sentence);

    public static ArticleNumbers Extract(ArticleSyntax syntax) => Extract(syntax, Sentences);

    /// <param name="memo">Where sentences scanned before are found; null to scan every sentence (what tests compare with).</param>
    internal static ArticleNumbers Extract(ArticleSyntax syntax, SentenceMemo<ImmutableArray<(NumberMention, Microsoft.CodeAnalysis.Text.TextSpan)>>? memo)
    {
        var numbers = ImmutableArray.CreateBuilder<NumberMention>();
        var spans = ImmutableArray.CreateBuilder<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var block in syntax.ProseBlocks)
        {
            foreach (var sentence in block.Sentences)
            {
                var found = memo is null ? Scan(block, sentence) : memo.GetOrCompute(block, sentence, ScanSentence);
                if (found.IsEmpty) continue;
                var origin = block.Start + SentenceMemo.Origin(block, sentence);
                foreach (var (number, span) in found)
                {
                    numbers.Add(number);
                    spans.Add(new Microsoft.CodeAnalysis.Text.TextSpan(origin + span.Start, span.Length));
                }
            }
        }
        return new ArticleNumbers(numbers.DrainToImmutable(), spans.DrainToImmutable());
    }

    /// <summary>One sentence's numbers, their spans relative to the sentence's first token (<see cref="SentenceMemo.Origin"/>).</summary>
    internal static ImmutableArray<(NumberMention, Microsoft.CodeAnalysis.Text.TextSpan)> Scan(Block block, Sentence sentence)
    {
        var scanner = new SentenceScanner(block, sentence, SentenceMemo.Origin(block, sentence));
        scanner.Scan();
        return scanner.Found is { } found ? [.. found] : [];
    }

    private sealed class SentenceScanner(Block block, Sentence sentence, int origin)
    {
        /// <summary>What <see cref="Scan"/> found, spans relative to <c>origin</c>; null when nothing (most sentences).</summary>
        public List<(NumberMention, Microsoft.CodeAnalysis.Text.TextSpan)>? Found { get; private set; }

        private readonly int _from = sentence.FirstToken;
        private readonly int _to = sentence.FirstToken + sentence.TokenCount;
        private EquatableArray<string>? _context;

        private EquatableArray<string> Context => _context ??= ComputeContext();

        // The stems of the sentence's content words (not weekdays or months), and its other figures, which say what it is
        // about as well as its words do ("539 droni e 11 missili"): distinct, in ordinal order. Words are normalised on
        // the stack and stems come shared, so only the list and the result are made.
        private EquatableArray<string> ComputeContext()
        {
            var items = new List<string>(_to - _from);
            Span<char> buffer = stackalloc char[StackWord];
            var chars = block.Chars;
            for (var i = _from; i < _to; i++)
            {
                var token = block.Tokens[i];
                if (token.Kind == TokenKind.Word && ContextStem(chars.Slice(token.Start, token.Length), buffer) is { } stem) items.Add(stem);
            }
            for (var i = _from; i < _to; i++)
            {
                var token = block.Tokens[i];
                if (token.Kind == TokenKind.Number) items.Add(FigureKey(chars.Slice(token.Start, token.Length)));
            }
            return SortedDistinct(items);
        }

        private static string? ContextStem(ReadOnlySpan<char> raw, Span<char> buffer)
        {
            var length = ItalianWords.Normalize(raw, buffer);
            if (length < 0)
            {
                var word = ItalianWords.Normalize(raw.ToString());
                return IsContextWord(word) ? ItalianWords.Stem(word) : null;
            }
            var norm = buffer[..length];
            return IsContextWord(norm) ? ItalianWords.Stem(norm) : null;
        }

        private static bool IsContextWord(ReadOnlySpan<char> norm) => ItalianWords.IsContent(norm) && !WeekdaysByChars.ContainsKey(norm) && !IsMonthName(norm);

        // "#" and the figure's text, shared.
        private static string FigureKey(ReadOnlySpan<char> raw)
        {
            if (raw.Length >= StackWord) return SharedStrings.Share("#" + raw.ToString());
            Span<char> key = stackalloc char[raw.Length + 1];
            key[0] = '#';
            raw.CopyTo(key[1..]);
            return SharedStrings.Share(key, whole: null);
        }

        // Each token's text and normalised form, computed once: the scanner looks at the neighbours of every word. The
        // arrays are this thread's, reused by every sentence (one scanner at a time), not made per sentence.
        private string?[]? _raw;
        private string?[]? _norm;

        [ThreadStatic] private static string?[]? RawScratch;
        [ThreadStatic] private static string?[]? NormScratch;

        private string Raw(int i) =>
            i >= _from && i < _to ? (_raw ??= Cleared(ref RawScratch, _to - _from))[i - _from] ??= block.Content.TokenText(block.Tokens[i]) : "";

        private string Norm(int i) =>
            i >= _from && i < _to ? (_norm ??= Cleared(ref NormScratch, _to - _from))[i - _from] ??= ItalianWords.Normalize(Raw(i)) : "";

        // The first length slots of the thread's scratch array, emptied (grown when the sentence is longer).
        private static string?[] Cleared(ref string?[]? scratch, int length)
        {
            if (scratch is null || scratch.Length < length) return scratch = new string?[Math.Max(length, 128)];
            Array.Clear(scratch, 0, length);
            return scratch;
        }
        private bool IsWord(int i) => i >= _from && i < _to && block.Tokens[i].Kind == TokenKind.Word;
        private bool IsNumber(int i) => i >= _from && i < _to && block.Tokens[i].Kind == TokenKind.Number;

        public void Scan()
        {
            Span<char> buffer = stackalloc char[StackWord];
            for (var i = _from; i < _to; i++)
            {
                var consumed = IsNumber(i) ? Digits(i) : IsWord(i) && MayStartExpression(i, buffer) ? Words(i) : i;
                i = Math.Max(i, consumed);
            }
        }

        // Words returns at once unless the word is one of StartWords: most words are looked at here, on the stack.
        private bool MayStartExpression(int i, Span<char> buffer)
        {
            var token = block.Tokens[i];
            var length = ItalianWords.Normalize(block.Chars.Slice(token.Start, token.Length), buffer);
            return length < 0 || StartWords.Contains(buffer[..length]);
        }

        // Returns the last token index consumed.
        private int Digits(int i)
        {
            var raw = Raw(i);
            if (IsWord(i - 1) && i - 1 > _from && ItalianWords.IsCapitalized(Raw(i - 1)) && !IsMonth(Norm(i - 1))) return i; // Articolo 5
            if (Norm(i - 1) is "numero" or "n") return i;
            if (!double.TryParse(raw.Replace(".", "").Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return i;
            var (qualifier, start) = QualifierBefore(i);
            var next = Norm(i + 1);

            // A date: "12 febbraio [2025]".
            if (MonthIndex(next) is { } month && value is >= 1 and <= 31 && value == Math.Floor(value))
            {
                var end = i + 1;
                var label = $"{month:00}-{value:00}";
                if (IsNumber(i + 2) && Raw(i + 2).Length == 4) { label = Raw(i + 2) + "-" + label; end = i + 2; }
                Add(start, end, NumberUnit.Date, null, label, qualifier, "date", null);
                return end;
            }
            if (Scales.TryGetValue(next, out var scale))
            {
                value *= scale;
                var end = i + 1;
                if (Norm(i + 2) == "di" && Currencies.TryGetValue(Norm(i + 3), out var code))
                {
                    Add(start, i + 3, NumberUnit.Money, value, null, qualifier, code, code);
                    return i + 3;
                }
                return CountedBy(start, end, value, qualifier);
            }
            if (Currencies.TryGetValue(next, out var currency))
            {
                Add(start, i + 1, NumberUnit.Money, value, null, qualifier, currency, currency);
                return i + 1;
            }
            if (next == "%" || (next == "per" && Norm(i + 2) == "cento"))
            {
                var end = next == "%" ? i + 1 : i + 2;
                Add(start, end, NumberUnit.Percent, value, null, qualifier, "percent " + NounAfter(end), "percent");
                return end;
            }
            if (TimeUnits.ContainsKey(next)) return Duration(start, i + 1, value, qualifier);
            if (raw.Length == 4 && !raw.Contains('.') && value is >= 1900 and <= 2100 && !(IsWord(i + 1) && ItalianWords.IsContent(next) && !IsMonth(next)))
            {
                Add(start, i, NumberUnit.Year, null, raw, qualifier, "year " + Around(i), null);
                return i;
            }
            return CountedBy(start, i, value, qualifier);
        }

        private int Words(int i)
        {
            var norm = Norm(i);
            var raw = Raw(i);
            if (Weekdays.TryGetValue(norm, out var weekday))
            {
                Add(i, i, NumberUnit.Weekday, null, weekday, NumberQualifier.Exact, "weekday " + Around(i), null);
                return i;
            }
            if (MonthIndex(norm) is { } month)
            {
                if (IsNumber(i + 1) && Raw(i + 1).Length == 4)
                {
                    Add(i, i + 1, NumberUnit.Month, null, $"{Raw(i + 1)}-{month:00}", NumberQualifier.Exact, "month " + Around(i), null);
                    return i + 1;
                }
                if (Norm(i + 1) == "e" && MonthIndex(Norm(i + 2)) is { } other)
                {
                    Add(i, i + 2, NumberUnit.Month, null, $"{English(month)} and {English(other)}", NumberQualifier.Exact, "month " + Around(i), null);
                    return i + 2;
                }
                Add(i, i, NumberUnit.Month, null, English(month), NumberQualifier.Exact, "month " + Around(i), null);
                return i;
            }
            if (ItalianWords.IsCapitalized(raw) && i > _from && block.Tokens[i - 1].Kind != TokenKind.Quote) return i; // a name: "Seconda guerra mondiale"
            var (qualifier, start) = QualifierBefore(i);
            if (norm is "un" or "una" or "un'" or "uno")
            {
                var unit = norm == "un'" ? i + 1 : i + 1;
                if (TimeUnits.ContainsKey(Norm(unit))) return Duration(start, unit, 1, qualifier);
                if (Norm(unit) == "persona" && Enumerable.Range(i - 3, 3).Any(k => k >= _from && Casualty.Any(c => Norm(k).StartsWith(c, StringComparison.Ordinal))))
                {
                    Add(start, unit, NumberUnit.Count, 1, null, qualifier, Raw(unit), ItalianWords.Stem("persona"));
                    return unit;
                }
                return i;
            }
            if (NumberWords.TryGetValue(norm, out var value))
            {
                if (DefiniteArticles.Contains(Norm(i - 1))) return i;
                if (TimeUnits.ContainsKey(Norm(i + 1))) return Duration(start, i + 1, value, qualifier);
                if (!IsWord(i + 1) || !ItalianWords.IsContent(Norm(i + 1))) return i;
                return CountedBy(start, i, value, qualifier);
            }
            if (VagueScales.TryGetValue(norm, out var vague) && Norm(i + 1) == "di" && IsWord(i + 2) && ItalianWords.IsContent(Norm(i + 2)))
            {
                Add(i, i + 2, NumberUnit.Count, null, vague, NumberQualifier.About, Raw(i + 2), ItalianWords.Stem(Norm(i + 2)));
                return i + 2;
            }
            if (Ordinals.TryGetValue(norm, out var ordinal))
            {
                if (norm is "secondo" or "seconda" && !DefiniteArticles.Contains(Norm(i - 1)) && Norm(i - 1) is not ("un" or "una")) return i;
                for (var k = i + 1; k <= i + 3 && IsWord(k); k++)
                {
                    var candidate = Norm(k);
                    if (OrdinalModifiers.Contains(candidate)) continue;
                    if (!ItalianWords.IsContent(candidate)) break;
                    var from = DefiniteArticles.Contains(Norm(i - 1)) && !ItalianWords.IsContent(Norm(i - 1)) ? i - 1 : i;
                    Add(from, k, NumberUnit.Ordinal, ordinal, null, NumberQualifier.Exact, "ordinal " + Raw(k), ItalianWords.Stem(candidate));
                    return k;
                }
            }
            return i;
        }

        private int Duration(int start, int unitIndex, double amount, NumberQualifier qualifier)
        {
            var (unit, factor) = TimeUnits[Norm(unitIndex)];
            var end = unitIndex;
            if (Norm(end + 1) == "e" && Norm(end + 2) is "mezza" or "mezzo") { amount += 0.5; end += 2; }
            if (Norm(end + 1) is "dopo" or "prima" or "fa") end++;
            Add(start, end, NumberUnit.Duration, amount * factor, null, qualifier, unit + " " + Around(start), unit);
            return end;
        }

        private int CountedBy(int start, int last, double value, NumberQualifier qualifier)
        {
            var noun = last + 1;
            if (IsWord(noun) && ItalianWords.IsContent(Norm(noun)) && !ItalianWords.IsCapitalized(Raw(noun)))
            {
                var end = noun;
                if (IsWord(noun + 1) && ItalianWords.IsContent(Norm(noun + 1)) && !ItalianWords.IsCapitalized(Raw(noun + 1)) && LooksAdjective(Norm(noun + 1))) end = noun + 1;
                else if (Norm(noun + 1) == "di" && IsWord(noun + 2) && ItalianWords.IsContent(Norm(noun + 2)) && !ItalianWords.IsCapitalized(Raw(noun + 2))) end = noun + 2;
                Add(start, end, NumberUnit.Count, value, null, qualifier, Raw(noun), ItalianWords.Stem(Norm(noun)));
                return end;
            }
            // A bare number counts what the verb before it acts on: "ferendo almeno 23".
            for (var k = start - 1; k >= _from && k >= start - 3; k--)
            {
                if (IsWord(k) && ItalianWords.IsContent(Norm(k)))
                {
                    Add(start, last, NumberUnit.Count, value, null, qualifier, Raw(k), ItalianWords.Stem(Norm(k)));
                    return last;
                }
            }
            return last;
        }

        private static bool LooksAdjective(string word) =>
            word.EndsWith("ici", StringComparison.Ordinal) || word.EndsWith("ivi", StringComparison.Ordinal) || word.EndsWith("ive", StringComparison.Ordinal)
            || word.EndsWith("ali", StringComparison.Ordinal) || word.EndsWith("ari", StringComparison.Ordinal) || word.EndsWith("oli", StringComparison.Ordinal)
            || word.EndsWith("ti", StringComparison.Ordinal) || word.EndsWith("ici", StringComparison.Ordinal);

        private (NumberQualifier, int) QualifierBefore(int i)
        {
            var one = Norm(i - 1);
            if (one is "almeno" or "oltre") return (NumberQualifier.AtLeast, i - 1);
            if (one is "circa" or "quasi") return (one == "circa" ? NumberQualifier.About : NumberQualifier.AtMost, i - 1);
            if (one == "di" && Norm(i - 2) is "più" or "meno") return (Norm(i - 2) == "più" ? NumberQualifier.AtLeast : NumberQualifier.AtMost, i - 2);
            if (one is "fino" or "sino") return (NumberQualifier.AtMost, i - 1);
            return (NumberQualifier.Exact, i);
        }

        private string NounAfter(int i) => IsWord(i + 1) && Norm(i + 1) is "di" or "del" or "della" or "dei" && IsWord(i + 2) ? Raw(i + 2) : "";

        // A few content words around a time expression, to say what happened then.
        private string Around(int i)
        {
            var words = new List<string>();
            for (var k = i - 1; k >= _from && words.Count < 2; k--) if (IsWord(k) && ItalianWords.IsContent(Norm(k)) && !Weekdays.ContainsKey(Norm(k))) words.Insert(0, Raw(k));
            var before = words.Count;
            for (var k = i + 1; k < _to && words.Count < before + 2; k++) if (IsWord(k) && ItalianWords.IsContent(Norm(k)) && !Weekdays.ContainsKey(Norm(k))) words.Add(Raw(k));
            return "(" + string.Join(' ', words) + ")";
        }

        private void Add(int startToken, int endToken, NumberUnit unit, double? value, string? label, NumberQualifier qualifier, string claim, string? head)
        {
            var start = block.Tokens[startToken].Start;
            var end = block.Tokens[endToken].End;
            // Shared: the same figures, units and nouns recur in every source of an event.
            var text = SharedStrings.Share(block.Chars[start..end], whole: null);
            var mention = new NumberMention(text, unit, value, SharedStrings.ShareOptional(label), qualifier, SharedStrings.Share(claim),
                SharedStrings.ShareOptional(head), Context);
            (Found ??= []).Add((mention, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start - origin, end - origin)));
        }

        private static bool IsMonth(string norm) => MonthIndex(norm) is not null;
    }

    // Distinct().Order(StringComparer.Ordinal) without the set: sorted in place, each run of equal strings kept once.
    private static ImmutableArray<string> SortedDistinct(List<string> items)
    {
        items.Sort(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>(items.Count);
        foreach (var item in items)
        {
            if (result.Count == 0 || !string.Equals(result[^1], item, StringComparison.Ordinal)) result.Add(item);
        }
        return result.DrainToImmutable();
    }

    private static bool IsMonthName(ReadOnlySpan<char> norm)
    {
        foreach (var month in MonthNames)
        {
            if (norm.SequenceEqual(month)) return true;
        }
        return false;
    }

    private static int? MonthIndex(string norm)
    {
        var index = Array.IndexOf(MonthNames, norm);
        return index < 0 ? null : index + 1;
    }

    private static string English(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
