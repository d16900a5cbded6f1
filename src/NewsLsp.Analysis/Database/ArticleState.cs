using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>
/// One version of one article and everything derived from it alone, memoized. Immutable from the outside: a new
/// text makes a new state, which parses incrementally from the syntax of the state it replaces.
/// </summary>
public sealed class ArticleState
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _facts;
    private readonly Lazy<ArticleSyntax> _syntax;

    private ArticleState(DocumentKey key, SourceText text, int version, AnalysisCounters counters,
        Lazy<ArticleSyntax> syntax, ConcurrentDictionary<object, Lazy<object>> facts, bool isEdited)
    {
        Key = key;
        IsEdited = isEdited;
        Text = text;
        Version = version;
        Counters = counters;
        _syntax = syntax;
        _facts = facts;
    }

    internal static ArticleState Create(DocumentKey key, SourceText text, int version, AnalysisCounters counters) =>
        new(key, text, version, counters, ParseLazily(text, null, counters), new(), isEdited: false);

    public DocumentKey Key { get; }
    public SourceText Text { get; }
    public int Version { get; }
    public ArticleSyntax Syntax => _syntax.Value;

    internal AnalysisCounters Counters { get; }

    /// <summary>
    /// Whether this text replaced an earlier text of the document (the article is being edited) rather than being its
    /// first. Per-sentence and per-line memos serve edited articles only (<see cref="SentenceMemo.ForArticle"/>,
    /// <see cref="LineMemo.ForArticle"/>).
    /// </summary>
    internal bool IsEdited { get; }

    /// <summary><paramref name="memo"/> when this article is being edited (counted), otherwise null: what memo readers ask first.</summary>
    internal TMemo? MemoIfEdited<TMemo>(TMemo memo) where TMemo : class
    {
        if (!IsEdited) return null;
        Counters.SentenceMemoRead();
        return memo;
    }

    /// <summary>Stays the same across version bumps that keep the text, so memos keyed on it survive them.</summary>
    internal object ContentIdentity => _facts;

    public T Get<T>(ArticleQuery<T> query) where T : class =>
        (T)_facts.GetOrAdd(query, static (q, state) => new Lazy<object>(
            () => ((ArticleQuery<T>)q).Compute(state), LazyThreadSafetyMode.ExecutionAndPublication), this).Value;

    /// <summary>A new text: nothing derived is kept except the parsed lines, which the new parse reuses by content.</summary>
    internal ArticleState WithText(SourceText text, int version)
    {
        // Keep the previous syntax (not this state) alive only until the new one is parsed.
        var previous = _syntax.IsValueCreated ? _syntax.Value : null;
        return new(Key, text, version, Counters, ParseLazily(text, previous, Counters), new(), isEdited: true);
    }

    /// <summary>
    /// This text as an edited article's, with nothing derived yet: computing its facts fills the per-sentence and
    /// per-line memos with its sentences, which the first real keystroke then finds (see <see cref="EditPreparation"/>).
    /// </summary>
    internal ArticleState AsEdited() => new(Key, Text, Version, Counters, _syntax, new(), isEdited: true);

    /// <summary>Same text, new version number: every derived fact stays valid and is shared.</summary>
    internal ArticleState WithVersion(int version) => new(Key, Text, version, Counters, _syntax, _facts, IsEdited);

    private static Lazy<ArticleSyntax> ParseLazily(SourceText text, ArticleSyntax? previous, AnalysisCounters counters) =>
        new(() =>
        {
            counters.ArticleParsed();
            var syntax = ArticleParser.Parse(text, previous, counters.ParagraphTokenised);
            previous = null;
            return syntax;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
}
