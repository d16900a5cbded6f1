using System.Globalization;

namespace NewsLsp.Ner;

/// <summary>
/// Word classes learned from unlabeled text (tools/NewsLsp.WordClusters), at several nested granularities: words
/// that occur in similar contexts share a class, so a name or a word the labelled data never showed still gets the
/// evidence of its class ("Fiorentina" with the other clubs, "assessore" with the other titles).
/// Stored like the gazetteer: a table from the lowercase hash of a word to its finest class, and for each coarser
/// level the class each finer class belongs to. A trained model carries its own copy.
/// </summary>
public sealed class WordClusters
{
    private const string ResourceName = "NewsLsp.Ner.Clusters.word-clusters.txt";

    // Finest class + 1 (0 marks an empty slot of the table).
    private readonly SequenceHashTable _finest;
    // _coarser[level - 1][finest class] = class at that level.
    private readonly ushort[][] _coarser;

    private WordClusters(SequenceHashTable finest, ushort[][] coarser)
    {
        _finest = finest;
        _coarser = coarser;
    }

    /// <summary>No classes: every word is unknown.</summary>
    public static WordClusters Empty { get; } = new(SequenceHashTable.WithCapacity(0), []);

    /// <summary>Granularities, finest first (0 when empty).</summary>
    public int Levels => _finest.Count == 0 ? 0 : _coarser.Length + 1;

    public int WordCount => _finest.Count;

    /// <summary>The form words are clustered under: lowercased, typographic apostrophes folded (as <see cref="Gazetteer.TokenKey"/>).</summary>
    public static string NormaliseWord(string token)
    {
        var chars = token.ToCharArray();
        for (var i = 0; i < chars.Length; i++) chars[i] = char.ToLowerInvariant(FeatureHash.NormaliseApostrophe(chars[i]));
        return new string(chars);
    }

    /// <summary>The classes shipped in this assembly (src/NewsLsp.Ner/Clusters/word-clusters.txt).</summary>
    public static WordClusters LoadEmbedded()
    {
        using var stream = typeof(WordClusters).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static WordClusters LoadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Reads `word&lt;TAB&gt;class&lt;TAB&gt;class...` lines, finest level first; `#` lines are comments.</summary>
    public static WordClusters Parse(TextReader reader)
    {
        var entries = new List<(ulong Key, int[] Classes)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            var classes = fields.Skip(1).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (classes.Length == 0 || (entries.Count > 0 && classes.Length != entries[0].Classes.Length))
                throw new InvalidDataException($"Word class line with the wrong number of levels: {line}");
            entries.Add((FeatureHash.Lower(fields[0]), classes));
        }
        if (entries.Count == 0) return Empty;
        var finestCount = entries.Max(e => e.Classes[0]) + 1;
        if (finestCount >= ushort.MaxValue) throw new InvalidDataException("Too many word classes.");
        var table = SequenceHashTable.WithCapacity(entries.Count);
        var coarser = new ushort[entries[0].Classes.Length - 1][];
        for (var level = 0; level < coarser.Length; level++) coarser[level] = new ushort[finestCount];
        foreach (var (key, classes) in entries)
        {
            table.Add(key, (ushort)(classes[0] + 1));
            for (var level = 0; level < coarser.Length; level++) coarser[level][classes[0]] = (ushort)classes[level + 1];
        }
        return new WordClusters(table, coarser);
    }

    /// <summary>The class of the word with this <see cref="FeatureHash.Lower"/> hash at a level (0 finest), -1 for a word without one.</summary>
    public int Find(ulong lowerHash, int level)
    {
        var finest = _finest.Find(lowerHash) - 1;
        if (finest < 0 || level == 0) return finest;
        return _coarser[level - 1][finest];
    }

    /// <summary>
    /// <see cref="Find"/> at levels 0 to <paramref name="classes"/>.Length - 1 (a level past the coarsest reads the
    /// coarsest) with one table lookup. Why: the tagger reads four levels of every token, and the lookup is a
    /// random read of a large table.
    /// </summary>
    internal void FindLevels(ulong lowerHash, Span<int> classes)
    {
        var finest = _finest.Find(lowerHash) - 1;
        for (var level = 0; level < classes.Length; level++)
        {
            var clamped = Math.Min(level, Levels - 1);
            classes[level] = finest < 0 || clamped <= 0 ? finest : _coarser[clamped - 1][finest];
        }
    }

    /// <summary>Starts loading what <see cref="FindLevels"/> of this word will read (see SequenceHashTable.Prefetch).</summary>
    internal void Prefetch(ulong lowerHash) => _finest.Prefetch(lowerHash);

    public void Write(BinaryWriter writer)
    {
        writer.Write(_finest.Count);
        writer.Write(_coarser.Length);
        foreach (var level in _coarser)
        {
            writer.Write(level.Length);
            foreach (var value in level) writer.Write(value);
        }
        foreach (var (key, value) in _finest.InKeyOrder())
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var coarser = new ushort[reader.ReadInt32()][];
        for (var level = 0; level < coarser.Length; level++)
        {
            coarser[level] = new ushort[reader.ReadInt32()];
            for (var i = 0; i < coarser[level].Length; i++) coarser[level][i] = reader.ReadUInt16();
        }
        var table = SequenceHashTable.Read(reader, count);
        return count == 0 ? Empty : new WordClusters(table, coarser);
    }
}
