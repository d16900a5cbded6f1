namespace NewsLsp.Analysis;

/// <summary>
/// How much work the database did. Tests and benchmarks read these to prove incrementality: editing one of N
/// articles must re-parse one article and re-tokenise only the touched paragraphs.
/// </summary>
public sealed class AnalysisCounters
{
    private long _articlesParsed, _paragraphsTokenised, _articlesDiagnosed, _articlesCrossDiagnosed, _corpusComputations;

    public long ArticlesParsed => Interlocked.Read(ref _articlesParsed);
    public long ParagraphsTokenised => Interlocked.Read(ref _paragraphsTokenised);
    /// <summary>Articles whose document-local analyzers ran (not reused).</summary>
    public long ArticlesDiagnosed => Interlocked.Read(ref _articlesDiagnosed);
    /// <summary>Articles whose cross-article analyzers ran (not reused).</summary>
    public long ArticlesCrossDiagnosed => Interlocked.Read(ref _articlesCrossDiagnosed);
    /// <summary>Cross-article facts computed or updated (not reused through early cutoff).</summary>
    public long CorpusComputations => Interlocked.Read(ref _corpusComputations);

    internal void ArticleParsed() => Interlocked.Increment(ref _articlesParsed);
    internal void ParagraphTokenised() => Interlocked.Increment(ref _paragraphsTokenised);
    internal void ArticleDiagnosed() => Interlocked.Increment(ref _articlesDiagnosed);
    internal void ArticleCrossDiagnosed() => Interlocked.Increment(ref _articlesCrossDiagnosed);
    internal void CorpusComputed() => Interlocked.Increment(ref _corpusComputations);

    private long _articleStatesCompared;

    /// <summary>
    /// Article states a corpus memo compared with its previous snapshot's. Proportional to the documents edited
    /// since, not to the workspace size, whenever the snapshot's history is known (benchmarks and tests check it).
    /// </summary>
    public long ArticleStatesCompared => Interlocked.Read(ref _articleStatesCompared);

    internal void ArticleStateCompared() => Interlocked.Increment(ref _articleStatesCompared);

    private long _sentenceMemoReads;

    /// <summary>
    /// Per-article computations that looked their sentences up in a per-sentence or per-line memo
    /// (<see cref="SentenceMemo.ForArticle"/>, <see cref="LineMemo.ForArticle"/>): edited articles only, none on a cold load.
    /// </summary>
    public long SentenceMemoReads => Interlocked.Read(ref _sentenceMemoReads);

    internal void SentenceMemoRead() => Interlocked.Increment(ref _sentenceMemoReads);

    public CounterValues Read() => new(ArticlesParsed, ParagraphsTokenised, ArticlesDiagnosed, ArticlesCrossDiagnosed, CorpusComputations);
}

/// <summary>A reading of <see cref="AnalysisCounters"/>; subtract two readings to see what one revision cost.</summary>
public readonly record struct CounterValues(long ArticlesParsed, long ParagraphsTokenised, long ArticlesDiagnosed, long ArticlesCrossDiagnosed, long CorpusComputations)
{
    public static CounterValues operator -(CounterValues after, CounterValues before) => new(
        after.ArticlesParsed - before.ArticlesParsed,
        after.ParagraphsTokenised - before.ParagraphsTokenised,
        after.ArticlesDiagnosed - before.ArticlesDiagnosed,
        after.ArticlesCrossDiagnosed - before.ArticlesCrossDiagnosed,
        after.CorpusComputations - before.CorpusComputations);
}
