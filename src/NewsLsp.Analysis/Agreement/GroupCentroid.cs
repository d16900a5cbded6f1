using System.Runtime.CompilerServices;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// A group's summed fixed-point unit vectors, by ascending term: the dot product of two is the sum of their article
/// pairs' dot products. A group of one article reads that article's own arrays (<see cref="Of(SignatureVectors, int)"/>),
/// where terms too common to count have a zero component; a sum keeps only the terms it counts.
/// </summary>
internal sealed class GroupCentroid
{
    private readonly int[] _terms;
    private readonly long[]? _sums;   // a sum of several articles: every component above zero
    private readonly int[]? _units;   // one article's unit vector, the vectors' own array (never written here)

    public GroupCentroid(int[] terms, long[] sums)
    {
        _terms = terms;
        _sums = sums;
    }

    private GroupCentroid(int[] terms, int[] units)
    {
        _terms = terms;
        _units = units;
    }

    /// <summary>
    /// One article's centroid: its own vector, not a copy (copies of the singletons a re-clustering keystroke compares
    /// were a tenth of what it allocated).
    /// </summary>
    public static GroupCentroid Of(SignatureVectors vectors, int article) => new(vectors.TermArray(article), vectors.UnitArray(article));

    /// <summary>
    /// The centroid of several articles, summed in <paramref name="dense"/> (zeroed, zeroed again on return): linear in
    /// their terms, where adding them one by one would copy the growing sum for each.
    /// </summary>
    public static GroupCentroid Of(SignatureVectors vectors, IReadOnlyList<int> articles, long[] dense, List<int> touched)
    {
        touched.Clear();
        foreach (var article in articles)
        {
            var terms = vectors.Terms(article);
            var units = vectors.Units(article);
            for (var k = 0; k < terms.Length; k++)
            {
                if (units[k] == 0) continue;
                if (dense[terms[k]] == 0) touched.Add(terms[k]);
                dense[terms[k]] += units[k];
            }
        }
        touched.Sort();
        var sums = new long[touched.Count];
        for (var k = 0; k < sums.Length; k++)
        {
            sums[k] = dense[touched[k]];
            dense[touched[k]] = 0;
        }
        return new GroupCentroid([.. touched], sums);
    }

    // The k-th component (zero only for an article's term that does not count).
    private long At(int k) => _sums is { } sums ? sums[k] : _units![k];

    // The first component from k on that counts.
    private int Counted(int k)
    {
        if (_units is { } units) while (k < units.Length && units[k] == 0) k++;
        return k;
    }

    /// <summary>The sum of both groups' vectors, with the terms either counts.</summary>
    public GroupCentroid Plus(GroupCentroid other)
    {
        int[] x = _terms, y = other._terms;
        var union = 0;
        for (int i = Counted(0), j = other.Counted(0); i < x.Length || j < y.Length; union++)
        {
            if (j == y.Length || (i < x.Length && x[i] < y[j])) i = Counted(i + 1);
            else if (i == x.Length || y[j] < x[i]) j = other.Counted(j + 1);
            else (i, j) = (Counted(i + 1), other.Counted(j + 1));
        }
        var t = new int[union];
        var s = new long[union];
        for (int i = Counted(0), j = other.Counted(0), k = 0; k < union; k++)
        {
            if (j == y.Length || (i < x.Length && x[i] < y[j])) { t[k] = x[i]; s[k] = At(i); i = Counted(i + 1); }
            else if (i == x.Length || y[j] < x[i]) { t[k] = y[j]; s[k] = other.At(j); j = other.Counted(j + 1); }
            else { t[k] = x[i]; s[k] = At(i) + other.At(j); (i, j) = (Counted(i + 1), other.Counted(j + 1)); }
        }
        return new GroupCentroid(t, s);
    }

    /// <summary>Writes the sums into a dense buffer indexed by term, for <see cref="Dot"/>; <see cref="Clear"/> undoes it.</summary>
    public void Scatter(long[] dense)
    {
        if (_sums is { } sums) for (var k = 0; k < _terms.Length; k++) dense[_terms[k]] = sums[k];
        else for (var k = 0; k < _terms.Length; k++) dense[_terms[k]] = _units![k];
    }

    public void Clear(long[] dense) { foreach (var t in _terms) dense[t] = 0; }

    public Int128 Dot(long[] dense)
    {
        // Sums of unit components are never negative, so each product is an unsigned 128-bit one (one instruction) and
        // the total is kept as two 64-bit halves: the same integer as Int128 arithmetic, without its signed multiply.
        ulong high = 0, low = 0;
        if (_sums is { } sums)
        {
            for (var k = 0; k < _terms.Length; k++) Add(sums[k], dense[_terms[k]], ref high, ref low);
        }
        else
        {
            var units = _units!;
            for (var k = 0; k < _terms.Length; k++)
            {
                if (units[k] != 0) Add(units[k], dense[_terms[k]], ref high, ref low); // an uncounted term: no read of the buffer
            }
        }
        return (Int128)new UInt128(high, low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(long mine, long other, ref ulong high, ref ulong low)
    {
        if (other == 0) return;
        var productHigh = Math.BigMul((ulong)mine, (ulong)other, out var productLow);
        low += productLow;
        high += productHigh + (low < productLow ? 1UL : 0UL);
    }
}
