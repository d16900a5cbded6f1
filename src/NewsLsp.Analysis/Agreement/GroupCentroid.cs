namespace NewsLsp.Analysis.Agreement;

/// <summary>A group's summed fixed-point unit vectors, by ascending term: the dot product of two is the sum of their article pairs' dot products.</summary>
internal sealed class GroupCentroid(int[] terms, long[] sums)
{
    public static GroupCentroid Of(SignatureVectors vectors, int article)
    {
        var terms = vectors.Terms(article);
        var units = vectors.Units(article);
        // Counted first, so the arrays are made once at their size (lists and their copies were most of what a
        // re-clustering keystroke allocated).
        var count = 0;
        foreach (var unit in units) if (unit != 0) count++;
        var kept = new int[count];
        var sums = new long[count];
        for (int k = 0, n = 0; k < terms.Length; k++)
        {
            if (units[k] == 0) continue;
            kept[n] = terms[k];
            sums[n++] = units[k];
        }
        return new GroupCentroid(kept, sums);
    }

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

    public GroupCentroid Plus(GroupCentroid other)
    {
        int[] x = terms, y = other.Terms;
        var union = x.Length + y.Length;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] < y[j]) i++;
            else if (x[i] > y[j]) j++;
            else { union--; i++; j++; }
        }
        var t = new int[union];
        var s = new long[union];
        for (int i = 0, j = 0, k = 0; k < union; k++)
        {
            if (j == y.Length || (i < x.Length && x[i] < y[j])) { t[k] = x[i]; s[k] = sums[i++]; }
            else if (i == x.Length || y[j] < x[i]) { t[k] = y[j]; s[k] = other.Sums[j++]; }
            else { t[k] = x[i]; s[k] = sums[i++] + other.Sums[j++]; }
        }
        return new GroupCentroid(t, s);
    }

    public int[] Terms => terms;
    public long[] Sums => sums;

    /// <summary>Writes the sums into a dense buffer indexed by term, for <see cref="Dot"/>; <see cref="Clear"/> undoes it.</summary>
    public void Scatter(long[] dense) { for (var k = 0; k < terms.Length; k++) dense[terms[k]] = sums[k]; }
    public void Clear(long[] dense) { foreach (var t in terms) dense[t] = 0; }

    public Int128 Dot(long[] dense)
    {
        // Sums of unit components are never negative, so each product is an unsigned 128-bit one (one instruction) and
        // the total is kept as two 64-bit halves: the same integer as Int128 arithmetic, without its signed multiply.
        ulong high = 0, low = 0;
        for (var k = 0; k < terms.Length; k++)
        {
            var other = dense[terms[k]];
            if (other == 0) continue;
            var productHigh = Math.BigMul((ulong)sums[k], (ulong)other, out var productLow);
            low += productLow;
            high += productHigh + (low < productLow ? 1UL : 0UL);
        }
        return (Int128)new UInt128(high, low);
    }
}
