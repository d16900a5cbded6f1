using System.Runtime.CompilerServices;

namespace NewsLsp.Ner;

/// <summary>
/// 64-bit hashing of token text and feature templates. Why: features are hashed straight into a fixed-size weight
/// array, so extraction allocates no strings and the model needs no feature dictionary.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Hash of the text as written, with the typographic apostrophe folded to ASCII.</summary>
    public static ulong Exact(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text) hash = (hash ^ NormaliseApostrophe(c)) * FnvPrime;
        return Finish(hash);
    }

    /// <summary>Hash of the lowercased text (apostrophes folded), as used for word identity and gazetteers.</summary>
    public static ulong Lower(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text) hash = (hash ^ char.ToLowerInvariant(NormaliseApostrophe(c))) * FnvPrime;
        return Finish(hash);
    }

    /// <summary>Hash of the lowercased prefix or suffix of the given length (clamped to the text).</summary>
    public static ulong LowerAffix(ReadOnlySpan<char> text, int length, bool suffix)
    {
        var take = Math.Min(length, text.Length);
        var part = suffix ? text[^take..] : text[..take];
        return Combine((uint)length + (suffix ? 0x100UL : 0UL), Lower(part));
    }

    /// <summary>
    /// <see cref="LowerAffix"/> for the prefixes of length 1 to <paramref name="prefixes"/>.Length at once. Why: the
    /// hash of a prefix is the hash of the one a character shorter, extended; hashing each from the start repeats work.
    /// </summary>
    public static void LowerPrefixes(ReadOnlySpan<char> text, Span<ulong> prefixes)
    {
        var hash = FnvOffset;
        for (var length = 1; length <= prefixes.Length; length++)
        {
            if (length <= text.Length) hash = (hash ^ char.ToLowerInvariant(NormaliseApostrophe(text[length - 1]))) * FnvPrime;
            prefixes[length - 1] = Combine((uint)length, Finish(hash));
        }
    }

    /// <summary>
    /// <see cref="LowerAffix"/> for a suffix, given <paramref name="lowerWhole"/> = <see cref="Lower"/> of the whole
    /// text: a suffix as long as the text is the text, and its hash is not computed again.
    /// </summary>
    public static ulong LowerSuffix(ReadOnlySpan<char> text, int length, ulong lowerWhole) =>
        length >= text.Length ? Combine((uint)length + 0x100UL, lowerWhole) : LowerAffix(text, length, suffix: true);

    public static char NormaliseApostrophe(char c) => c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : c;

    // Inlined by request: extraction calls Combine about 130 times per token from one large method, past the
    // JIT's inlining budget, and the call costs as much as the hash.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => Finish((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);

    /// <summary>SplitMix64 finaliser: spreads FNV's weak low bits over the whole word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
