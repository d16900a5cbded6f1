using System.Globalization;
using System.Text;

namespace NewsLsp.Bench.Corpus;

/// <summary>What a generated corpus holds: its folder, article count and total UTF-8 size.</summary>
internal sealed record GeneratedCorpus(string Folder, int Articles, long Bytes, IReadOnlyList<string> Files)
{
    public double Megabytes => Bytes / 1_000_000.0;
}

/// <summary>
/// Builds a benchmark workspace of N articles, deterministically (fixed seed): the seeds, then clusters of 2–5
/// "sources" covering the same story. A cluster starts from one real Wikinews article; its people are renamed
/// consistently (so clusters that reuse a base article still differ), and it gets a shared statement and a shared
/// figure. Each source then keeps most sentences, may spell a name differently, misquote the statement, report a
/// different figure, use another quotation style, carry a boilerplate line or an image, or be cut off — so
/// cross-article work (linking, events, agreement) and the local rules both have real findings to make.
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>Bump when the output changes, so cached corpora are regenerated.</summary>
    public const int Version = 1;
    public const int Seed = 20251121;

    private static readonly string[] Verbs = ["ha dichiarato", "ha detto", "ha affermato", "ha spiegato", "ha sottolineato"];
    private static readonly string[] Counted = ["le persone evacuate", "i feriti", "i voti ottenuti", "i dipendenti coinvolti", "gli euro stanziati", "i partecipanti"];
    private static readonly string[] Boilerplate =
    [
        "Iscriviti alla nostra newsletter gratuita per ricevere le notizie del giorno.",
        "Leggi anche: tutte le notizie di oggi",
        "Seguici su Facebook e Instagram",
        "Riproduzione riservata",
    ];

    private readonly IReadOnlyList<BaseArticle> _bases;
    private readonly IReadOnlyList<(string Name, string Text)> _seeds;
    private readonly string[][] _people;
    private readonly string[][] _places;

    public CorpusGenerator(IReadOnlyList<BaseArticle> bases, IReadOnlyList<(string Name, string Text)> seeds)
    {
        _bases = bases;
        _seeds = seeds;
        _people = Distinct(bases, "PER", minTokens: 2);
        _places = Distinct(bases, "LOC", minTokens: 1);
    }

    public static CorpusGenerator FromRepository(string repoRoot)
    {
        var seeds = Directory.GetFiles(Path.Combine(repoRoot, "seeds"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
        return new CorpusGenerator(KindArticles.Load(repoRoot), seeds);
    }

    public int BaseArticleCount => _bases.Count;

    /// <summary>Writes <paramref name="count"/> articles under <paramref name="folder"/> (emptied first).</summary>
    public GeneratedCorpus Write(string folder, int count)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        long bytes = 0;
        foreach (var (name, text) in Generate(count))
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var data = new UTF8Encoding(false).GetBytes(text);
            File.WriteAllBytes(path, data);
            files.Add(path);
            bytes += data.Length;
        }
        return new GeneratedCorpus(folder, files.Count, bytes, files);
    }

    /// <summary>The articles as (relative path, text), deterministic for a given count.</summary>
    public IEnumerable<(string Name, string Text)> Generate(int count)
    {
        var random = new Random(Seed);
        var produced = 0;
        foreach (var seed in _seeds)
        {
            if (produced == count) yield break;
            produced++;
            yield return ("seeds/" + seed.Name, seed.Text);
        }
        var cluster = 0;
        while (produced < count)
        {
            var sources = Math.Min(random.Next(2, 6), count - produced);
            var texts = Cluster(random, sources);
            for (var s = 0; s < texts.Count; s++)
            {
                produced++;
                yield return ($"c{cluster / 100:D3}/c{cluster:D5}-s{s + 1}.txt", texts[s]);
            }
            cluster++;
        }
    }

    private List<string> Cluster(Random random, int sources)
    {
        var article = _bases[random.Next(_bases.Count)];

        // Rename the cluster's people consistently, so reused base articles make different stories.
        var renames = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var sentence in article.Body.Prepend(article.Title))
        {
            foreach (var entity in sentence.Entities.Where(e => e.Type == "PER"))
            {
                var key = string.Join(' ', sentence.Tokens.Skip(entity.Start).Take(entity.Length));
                if (!renames.ContainsKey(key) && random.NextDouble() < 0.6) renames[key] = _people[random.Next(_people.Length)];
            }
        }
        var speaker = _people[random.Next(_people.Length)];
        var place = _places[random.Next(_places.Length)];
        var quoteSource = article.Body.Where(s => s.Tokens.Length is >= 8 and <= 30 && s.Tokens[^1] == ".").ToList();
        var statement = quoteSource.Count > 0 ? quoteSource[random.Next(quoteSource.Count)].Tokens[..^1] : ["siamo", "pronti", "a", "collaborare"];
        var figure = random.Next(12, 250_000);
        var counted = Counted[random.Next(Counted.Length)];
        var verb = Verbs[random.Next(Verbs.Length)];
        var quoteStyle = random.Next(3);

        var texts = new List<string>(sources);
        for (var s = 0; s < sources; s++)
        {
            var lines = new List<string> { Detokeniser.Join(Rename(article.Title, renames, spelling: null)) };
            // One source in three spells the speaker differently (surname only, or an initial).
            string[]? variant = random.NextDouble() < 0.33 ? Variant(speaker, random) : null;
            var speakerTokens = variant ?? speaker;
            var paragraph = new List<string>();
            var sentences = article.Body.Where(_ => random.NextDouble() < 0.85).ToList();
            var statementAt = sentences.Count == 0 ? 0 : random.Next(Math.Min(6, sentences.Count));
            for (var i = 0; i <= sentences.Count; i++)
            {
                if (i == statementAt)
                {
                    paragraph.Add(Statement(random, speakerTokens, verb, statement, s == 0 ? quoteStyle : (random.NextDouble() < 0.3 ? random.Next(3) : quoteStyle), s > 0 && random.NextDouble() < 0.3));
                    paragraph.Add(Figure(random, place, counted, s > 0 && random.NextDouble() < 0.25 ? Perturb(figure, random) : figure));
                }
                if (i == sentences.Count) break;
                paragraph.Add(Detokeniser.Join(Rename(sentences[i], renames, variant is null ? null : (speaker, variant))));
                if (paragraph.Count >= random.Next(2, 5)) Flush(lines, paragraph);
            }
            Flush(lines, paragraph);
            if (random.NextDouble() < 0.25)
            {
                var alt = random.NextDouble() < 0.5 ? "foto" : $"{string.Join(' ', speaker)} durante la conferenza stampa";
                lines.Insert(Math.Min(2, lines.Count), $"![{alt}](img/c{figure:D6}-{s}.jpg)");
            }
            if (random.NextDouble() < 0.1) lines.Add(Boilerplate[random.Next(Boilerplate.Length)]);
            if (random.NextDouble() < 0.05) lines[^1] = Truncate(lines[^1], random);
            texts.Add(string.Join('\n', lines) + "\n");
        }
        return texts;
    }

    private static void Flush(List<string> lines, List<string> paragraph)
    {
        if (paragraph.Count == 0) return;
        lines.Add(string.Join(' ', paragraph));
        paragraph.Clear();
    }

    private static string Statement(Random random, string[] speaker, string verb, string[] words, int style, bool misquote)
    {
        var quoted = words.ToList();
        if (misquote && quoted.Count > 6)
        {
            // Drop or repeat a word: the same statement, worded slightly differently.
            var at = random.Next(1, quoted.Count - 1);
            if (random.NextDouble() < 0.5) quoted.RemoveAt(at); else quoted.Insert(at, quoted[at]);
        }
        var inner = Detokeniser.Join(quoted);
        if (inner.Length > 0) inner = char.ToUpperInvariant(inner[0]) + inner[1..];
        var (open, close) = style switch { 0 => ("“", "”"), 1 => ("«", "»"), _ => ("\"", "\"") };
        // A few sources forget to close the quotation.
        if (random.NextDouble() < 0.04) close = "";
        return $"{Detokeniser.Join(speaker)} {verb}: {open}{inner}{close}.";
    }

    private static string Figure(Random random, string[] place, string counted, int value) =>
        random.Next(2) == 0
            ? $"Secondo le autorità di {Detokeniser.Join(place)}, {counted} sono {Italian(value)}."
            : $"A {Detokeniser.Join(place)} {counted} sono stati {Italian(value)}, secondo i dati diffusi in serata.";

    private static int Perturb(int value, Random random) =>
        Math.Max(1, value + (random.Next(2) == 0 ? -1 : 1) * Math.Max(1, value * random.Next(1, 15) / 100));

    // Italian grouping (5.000); the process runs in invariant-globalisation mode, so no it-IT culture.
    private static string Italian(int value) => value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string[] Variant(string[] name, Random random) =>
        random.Next(2) == 0 ? [name[^1]] : [$"{name[0][0]}.", .. name[1..]];

    private static string Truncate(string line, Random random)
    {
        var cut = line.Length / 2 + random.Next(Math.Max(1, line.Length / 3));
        cut = Math.Min(cut, line.Length - 1);
        return line[..cut].TrimEnd(' ', '.', ',');
    }

    private static List<string> Rename(SourceSentence sentence, Dictionary<string, string[]> renames, (string[] Full, string[] Variant)? spelling)
    {
        var tokens = new List<string>(sentence.Tokens.Length);
        var t = 0;
        foreach (var entity in sentence.Entities)
        {
            while (t < entity.Start) tokens.Add(sentence.Tokens[t++]);
            var original = sentence.Tokens.AsSpan(entity.Start, entity.Length).ToArray();
            var replaced = entity.Type == "PER" && renames.TryGetValue(string.Join(' ', original), out var name) ? name : original;
            if (spelling is { } s && replaced.SequenceEqual(s.Full)) replaced = s.Variant;
            tokens.AddRange(replaced);
            t = entity.Start + entity.Length;
        }
        while (t < sentence.Tokens.Length) tokens.Add(sentence.Tokens[t++]);
        return tokens;
    }

    private static string[][] Distinct(IReadOnlyList<BaseArticle> bases, string type, int minTokens)
    {
        var seen = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var article in bases)
        {
            foreach (var sentence in article.Body.Prepend(article.Title))
            {
                foreach (var entity in sentence.Entities)
                {
                    if (entity.Type != type || entity.Length < minTokens || entity.Length > 3) continue;
                    var tokens = sentence.Tokens.AsSpan(entity.Start, entity.Length).ToArray();
                    if (tokens.Any(w => w.Length == 0 || !char.IsUpper(w[0]))) continue;
                    seen.TryAdd(string.Join(' ', tokens), tokens);
                }
            }
        }
        return [.. seen.Values];
    }
}
