using System.Globalization;
using NewsLsp.Ner;
using NewsLsp.WordClusters;

// Learns word classes from unlabeled text for the NER model's cluster features. Deterministic: the same inputs and
// options give the same file. Only token text is read (tags are ignored).
var conllFiles = new List<string>();
var nameFiles = new List<string>();
int[] levels = [1024, 256, 64, 16];
var minCount = 2;
var iterations = 20;
string? output = null;
// (fold, folds): leave out of the first --conll file the articles that NewsLsp.TrainNer --cv scores in that fold,
// so cross-validation can score each fold with classes that never saw its text, as the test split will be.
(int Fold, int Folds)? excluded = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--conll": conllFiles.Add(Value()); break;
        case "--names": nameFiles.Add(Value()); break;
        case "--classes": levels = Value().Split(',').Select(int.Parse).ToArray(); break;
        case "--min-count": minCount = int.Parse(Value()); break;
        case "--iterations": iterations = int.Parse(Value()); break;
        case "--out": output = Value(); break;
        case "--exclude-cv-fold":
            var parts = Value().Split('/');
            excluded = (int.Parse(parts[0]), int.Parse(parts[1]));
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}.");
            Console.Error.WriteLine("usage: NewsLsp.WordClusters --conll FILE [--conll FILE ...] [--names FILE ...] --out FILE\n" +
                                    "                            [--classes 1024,256,64,16] [--min-count 2] [--iterations 20] [--exclude-cv-fold K/N]\n" +
                                    "  --exclude-cv-fold K/N leaves out the first --conll file's articles that fold K (0-based) of NewsLsp.TrainNer --cv N scores.\n" +
                                    "  --conll: KIND token<TAB>tag files (tags ignored); --names: KIND gazetteer lines `LABEL name` (the label is dropped).\n" +
                                    "  Levels are nested: each coarser level clusters the classes of the finer one.");
            return 2;
    }
}
if (output is null || conllFiles.Count + nameFiles.Count == 0)
{
    Console.Error.WriteLine("--out and at least one --conll or --names file are required.");
    return 2;
}
if (levels.Zip(levels.Skip(1)).Any(p => p.Second >= p.First) || levels[0] > ushort.MaxValue - 1)
{
    Console.Error.WriteLine("--classes must be decreasing, the first at most 65534.");
    return 2;
}

var sentences = new List<string[]>();
foreach (var file in conllFiles)
{
    IEnumerable<ConllSentence> text = ConllReader.ReadFile(file);
    if (excluded is var (fold, folds) && file == conllFiles[0])
    {
        // The same contiguous blocks of articles as NewsLsp.TrainNer's cross-validation.
        var articles = ArticleSplitter.Split(text.ToList());
        int start = articles.Count * fold / folds, end = articles.Count * (fold + 1) / folds;
        text = articles.Take(start).Concat(articles.Skip(end)).SelectMany(a => a);
    }
    var read = text.Select(s => s.Tokens.Select(WordClusters.NormaliseWord).ToArray()).ToList();
    sentences.AddRange(read);
    Console.WriteLine($"{file}: {read.Count} sentences, {read.Sum(s => s.Length)} tokens");
}
foreach (var file in nameFiles)
{
    var read = File.ReadLines(file)
        .Where(line => line.Length > 0 && line[0] != '#')
        // KIND gazetteer lines are `LABEL name` (space or tab): the label is not part of the name.
        .Select(line => line[(line.IndexOfAny([' ', '\t']) + 1)..])
        .Select(line => NameTokenizer.Split(line).Select(WordClusters.NormaliseWord).ToArray())
        .Where(tokens => tokens.Length > 0).ToList();
    sentences.AddRange(read);
    Console.WriteLine($"{file}: {read.Count} names, {read.Sum(s => s.Length)} tokens");
}

var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
foreach (var sentence in sentences)
{
    foreach (var token in sentence) frequency[token] = frequency.GetValueOrDefault(token) + 1;
}
var vocabulary = frequency.Where(e => e.Value >= minCount).OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
    .Select(e => e.Key).ToArray();
var index = new Dictionary<string, int>(StringComparer.Ordinal);
for (var w = 0; w < vocabulary.Length; w++) index[vocabulary[w]] = w;
int boundary = vocabulary.Length, rare = vocabulary.Length + 1;

var unigram = new long[vocabulary.Length + 2];
var bigrams = new Dictionary<(int, int), long>();
foreach (var sentence in sentences)
{
    var previous = boundary;
    unigram[boundary]++;
    foreach (var token in sentence)
    {
        var unit = index.GetValueOrDefault(token, rare);
        unigram[unit]++;
        bigrams[(previous, unit)] = bigrams.GetValueOrDefault((previous, unit)) + 1;
        previous = unit;
    }
    bigrams[(previous, boundary)] = bigrams.GetValueOrDefault((previous, boundary)) + 1;
}
Console.WriteLine($"{sentences.Count} sentences, {frequency.Count} word types, {vocabulary.Length} with count >= {minCount}, {bigrams.Count} bigram types");

var counts = new BigramCounts(unigram, bigrams, fixedCount: 2);
var clock = System.Diagnostics.Stopwatch.StartNew();
// classOfWord[level][word]: the finest level clusters words; every coarser level clusters the classes of the one before.
var classOfWord = new int[levels.Length][];
var unitClass = ExchangeClustering.Cluster(counts, levels[0], iterations, Console.WriteLine);
classOfWord[0] = unitClass;
for (var level = 1; level < levels.Length; level++)
{
    counts = counts.Coarsen(unitClass, levels[level - 1]);
    unitClass = ExchangeClustering.Cluster(counts, levels[level], iterations, Console.WriteLine);
    classOfWord[level] = classOfWord[level - 1].Select(c => unitClass[c]).ToArray();
}
Console.WriteLine($"clustered in {clock.Elapsed.TotalSeconds:F1} s");

using (var writer = new StreamWriter(output) { NewLine = "\n" })
{
    writer.WriteLine("# Word classes for the NewsLsp NER model, learned by tools/NewsLsp.WordClusters (exchange clustering).");
    writer.WriteLine($"# inputs: {string.Join(' ', conllFiles.Concat(nameFiles).Select(Path.GetFileName))}; min count {minCount}; levels {string.Join(',', levels)}");
    writer.WriteLine("# word<TAB>class at each level, finest first (lowercased, apostrophes folded).");
    for (var w = 0; w < vocabulary.Length; w++)
    {
        writer.WriteLine(vocabulary[w] + "\t" + string.Join('\t', classOfWord.Select(level => level[w].ToString(CultureInfo.InvariantCulture))));
    }
}
Console.WriteLine($"wrote {output} ({vocabulary.Length} words)");
return 0;
