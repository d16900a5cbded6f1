namespace NewsLsp.Analysis.Agreement;

/// <summary>A group's summed fixed-point unit vectors, by ascending term: the dot product of two is the sum of their article pairs' dot products.</summary>
internal sealed class GroupCentroid(int[] terms, long[] sums)
{
    public static GroupCentroid Of(SignatureVectors vectors, int article)
    {
        var terms = vectors.Terms(article);
        var units = vectors.Units(article);
        var kept = new List<int>(terms.Length);
        var sums = new List<long>(terms.Length);
        for (var k = 0; k < terms.Length; k++)
        {
            if (units[k] == 0) continue;
            kept.Add(terms[k]);
            sums.Add(units[k]);
        }
        return new GroupCentroid([.. kept], [.. sums]);
    }

    public GroupCentroid Plus(GroupCentroid other)
    {
        var t = new List<int>(terms.Length + other.Terms.Length);
        var s = new List<long>(t.Capacity);
        int i = 0, j = 0;
        while (i < terms.Length || j < other.Terms.Length)
        {
            if (j == other.Terms.Length || (i < terms.Length && terms[i] < other.Terms[j])) { t.Add(terms[i]); s.Add(sums[i++]); }
            else if (i == terms.Length || other.Terms[j] < terms[i]) { t.Add(other.Terms[j]); s.Add(other.Sums[j++]); }
            else { t.Add(terms[i]); s.Add(sums[i++] + other.Sums[j++]); }
        }
        return new GroupCentroid([.. t], [.. s]);
    }

    public int[] Terms => terms;
    public long[] Sums => sums;

    /// <summary>Writes the sums into a dense buffer indexed by term, for <see cref="Dot"/>; <see cref="Clear"/> undoes it.</summary>
    public void Scatter(long[] dense) { for (var k = 0; k < terms.Length; k++) dense[terms[k]] = sums[k]; }
    public void Clear(long[] dense) { foreach (var t in terms) dense[t] = 0; }

    public Int128 Dot(long[] dense)
    {
        Int128 dot = 0;
        for (var k = 0; k < terms.Length; k++)
        {
            var other = dense[terms[k]];
            if (other != 0) dot += (Int128)sums[k] * other;
        }
        return dot;
    }
}
