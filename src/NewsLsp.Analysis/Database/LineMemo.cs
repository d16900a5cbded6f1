using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsLsp.Syntax;

namespace NewsLsp.Analysis;

/// <summary>Which articles read a <see cref="LineMemo{T}"/>.</summary>
internal static class LineMemo
{
    /// <summary>
    /// <paramref name="memo"/> for an article being edited; null (compute every line) for an article's first text, for
    /// the reasons of <see cref="SentenceMemo.ForArticle"/>: on a cold load nearly every line is new, and remembering
    /// each one would only evict it again a few articles later.
    /// </summary>
    public static LineMemo<T>? ForArticle<T>(ArticleState article, LineMemo<T> memo) => article.MemoIfEdited(memo);

    /// <summary>The line's result from <paramref name="memo"/>, or computed directly when there is none.</summary>
    public static T GetOrCompute<T>(LineMemo<T>? memo, BlockContent line, Func<BlockContent, T> compute) =>
        memo is null ? compute(line) : memo.GetOrCompute(line, compute);
}

/// <summary>
/// Per-line results of one analysis, found by the identity of the line's tokens. Why: the parser gives a line whose
/// text did not change the very tokens of the article's version before (<see cref="BlockContent"/>), so a keystroke
/// finds every line but the edited one with a reference comparison and a comparison of its characters, where a
/// <see cref="SentenceMemo{T}"/> hashes the characters and tokens of every sentence. The computation must read only the
/// line's characters and tokens: then the same tokens over equal characters mean an equal result (the characters are
/// compared too, so the answer does not rest on how the parser reuses tokens).
/// Lossy and bounded: one slot per line, chosen by its tokens' identity; a line landing in a taken slot replaces it,
/// which costs only a computation. Thread-safe: a slot is replaced whole; results must be immutable.
/// </summary>
internal sealed class LineMemo<T>
{
    private readonly Entry?[] _slots;

    /// <param name="slotBits">The memo has 2^slotBits slots.</param>
    public LineMemo(int slotBits) => _slots = new Entry?[1 << slotBits];

    public T GetOrCompute(BlockContent line, Func<BlockContent, T> compute)
    {
        var tokens = ImmutableCollectionsMarshal.AsArray(line.Tokens);
        // A line without tokens may share the one empty array with any other: nothing to remember for it.
        if (tokens is null || tokens.Length == 0) return compute(line);
        ref var slot = ref _slots[RuntimeHelpers.GetHashCode(tokens) & (_slots.Length - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && ReferenceEquals(known.Tokens, tokens) && line.Chars.SequenceEqual(known.Text)) return known.Result;
        var result = compute(line);
        Volatile.Write(ref slot, new Entry(tokens, line.Chars.ToString(), result));
        return result;
    }

    private sealed record Entry(Token[] Tokens, string Text, T Result);
}
