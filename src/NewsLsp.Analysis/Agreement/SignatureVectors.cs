using System.Collections.Immutable;
using System.Numerics;

namespace NewsLsp.Analysis.Agreement;

/// <summary>
/// The articles' content signatures as TF-IDF vectors for event clustering, with an inverted index. A term weighs its
/// smoothed IDF, ln((n + 1) / df) (df in steps above 16 articles, see <see cref="WeighedFrequency"/>), so two articles
/// alone still compare; a term used by more than
/// <see cref="CommonTermCap"/> articles weighs nothing: sources of one event share rarer words, while the corpus's common
/// vocabulary (anni, presidente, Italia) links everything to everything, which is slow and evidence of nothing.
/// Squared weights and unit vectors are fixed-point integers, so norms, dot products and sums of dot products (the
/// mean similarity of two groups is the dot product of their summed unit vectors) are exact whatever their order: an
/// incremental update computes the same similarities, to the bit, as a fresh build.
/// </summary>
/// <remarks>
/// Immutable: the per-article and per-term arrays are chunked (<see cref="ChunkedArray{T}"/>), and
/// <see cref="WithSignatures"/> copies only the chunks holding what changed, so an earlier snapshot's clustering stays
/// valid and an update costs what it changes, not the corpus.
/// </remarks>
internal sealed class SignatureVectors
{
    /// <summary>A term counts only while at most this many articles use it: a tenth of the corpus, never fewer than 50.</summary>
    public static int CommonTermCap(int articles) => Math.Max(50, articles / 10);

    private const double WeightScale = 1L << 32;

    /// <summary>Unit vector components are fixed-point with this scale, so a dot product of two is below 2^60 and exact in a long.</summary>
    public const double UnitScale = 1 << 30;

    /// <summary>A dot product of unit vectors (or a sum of such) as a similarity: the mean over <paramref name="pairs"/> pairs.</summary>
    public static double Mean(Int128 dot, long pairs) => (double)dot / pairs / (UnitScale * UnitScale);

    private readonly TermTable _terms;
    private readonly ChunkedArray<int> _df;          // per term: how many articles use it
    private readonly ChunkedArray<int[]> _postings;  // per term: the articles using it, ascending
    private readonly ChunkedArray<int[]> _vectors;   // per article: its term ids, ascending
    private readonly ChunkedArray<int[]> _units;     // per article, parallel to its terms: the unit vector's components, fixed-point
    private readonly ChunkedArray<double> _norm;     // per article: the norm of the fixed-point squared weights' vector

    /// <summary>Dead terms (no article uses them any more) tolerated before the table is compacted: at least this many, and as many as live ones.</summary>
    internal const int MinDeadTermsToCompact = 1024;

    private SignatureVectors(int count, TermTable terms, ChunkedArray<int> df, ChunkedArray<int[]> postings, ChunkedArray<int[]> vectors,
        ChunkedArray<int[]> units, ChunkedArray<double> norm, int deadTerms = 0, int idEpoch = 0)
    {
        DeadTerms = deadTerms;
        IdEpoch = idEpoch;
        Count = count;
        Cap = CommonTermCap(count);
        _terms = terms;
        _df = df;
        _postings = postings;
        _vectors = vectors;
        _units = units;
        _norm = norm;
    }

    public int Count { get; }
    public int Cap { get; }

    /// <summary>How many times term ids were renumbered (<see cref="WithSignatures"/> compacting): ids of different epochs differ.</summary>
    public int IdEpoch { get; }

    /// <summary>Terms no article uses any more (typed and deleted again); <see cref="WithSignatures"/> compacts them away.</summary>
    public int DeadTerms { get; }

    public static SignatureVectors Create(IReadOnlyList<EquatableArray<string>> signatures)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new int[signatures.Count][];
        for (var i = 0; i < signatures.Count; i++)
        {
            var vector = new int[signatures[i].Count];
            for (var k = 0; k < vector.Length; k++)
            {
                var term = signatures[i][k];
                if (!ids.TryGetValue(term, out var id)) ids[term] = id = ids.Count;
                vector[k] = id;
            }
            Array.Sort(vector);
            vectors[i] = vector;
        }
        var df = new int[ids.Count];
        foreach (var vector in vectors) foreach (var t in vector) df[t]++;
        var postings = new int[ids.Count][];
        for (var t = 0; t < postings.Length; t++) postings[t] = new int[df[t]];
        var filled = new int[ids.Count];
        for (var i = 0; i < vectors.Length; i++) foreach (var t in vectors[i]) postings[t][filled[t]++] = i;
        var units = new int[vectors.Length][];
        var norm = new double[vectors.Length];
        var cap = CommonTermCap(signatures.Count);
        for (var i = 0; i < vectors.Length; i++) (norm[i], units[i]) = Normalized(vectors[i], t => WeightOf(df[t], signatures.Count, cap));
        return new SignatureVectors(signatures.Count, new TermTable(ids, ImmutableDictionary<string, int>.Empty), ChunkedArray<int>.From(df),
            ChunkedArray<int[]>.From(postings), ChunkedArray<int[]>.From(vectors), ChunkedArray<int[]>.From(units), ChunkedArray<double>.From(norm));
    }

    /// <summary>The term's squared weight, fixed-point; 0 for a term too common to count.</summary>
    public long Weight(int term) => WeightOf(_df[term], Count, Cap);

    private static long WeightOf(int df, int count, int cap) =>
        df == 0 || df > cap ? 0 : (long)Math.Round(Square(Math.Log((count + 1.0) / WeighedFrequency(df))) * WeightScale);

    /// <summary>
    /// The document frequency a weight is computed from: exact up to <see cref="ExactFrequencies"/>, above that rounded
    /// down to four steps per doubling (its three leading bits). A word typed or deleted moves one term's frequency by
    /// one, and every article using a term whose weight moves must be compared again; with exact frequencies that was
    /// every user of the term at each such keystroke (hundreds in a large corpus), with steps it is one keystroke in a
    /// few dozen for a frequent term. The weight changes by at most a quarter of a doubling's IDF (ln 1.25).
    /// </summary>
    internal static int WeighedFrequency(int df)
    {
        if (df <= ExactFrequencies) return df;
        var dropped = BitOperations.Log2((uint)df) - 2; // keep the leading bit and the two after it
        return df >> dropped << dropped;
    }

    /// <summary>Frequencies counted exactly: a small corpus (or a rare term) weighs as plain TF-IDF.</summary>
    internal const int ExactFrequencies = 16;

    public int TermCount => _df.Length;
    public ReadOnlySpan<int> Terms(int article) => _vectors[article];
    public ReadOnlySpan<int> Units(int article) => _units[article];

    /// <summary>The arrays behind <see cref="Terms"/> and <see cref="Units"/>, for a centroid to read without copying: never to be written.</summary>
    internal int[] TermArray(int article) => _vectors[article];
    internal int[] UnitArray(int article) => _units[article];

    /// <summary>An object that is the same while the article's vector is (its units are made anew whenever it changes).</summary>
    public object VectorIdentity(int article) => _units[article];
    public ReadOnlySpan<int> Postings(int term) => _postings[term];

    /// <summary>The cosine of the weights before they are made fixed-point unit vectors, from the exact sum of the shared terms' squared weights: to find candidates.</summary>
    public double Approximate(int a, int b, long sharedWeight) => sharedWeight == 0 ? 0 : sharedWeight / (_norm[a] * _norm[b]);

    /// <summary>The exact dot product of two articles' fixed-point unit vectors: the similarity is <c>Mean(dot, 1)</c>.</summary>
    public long Dot(int a, int b)
    {
        ReadOnlySpan<int> x = _vectors[a], y = _vectors[b], ux = _units[a], uy = _units[b];
        long dot = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] < y[j]) i++;
            else if (x[i] > y[j]) j++;
            else { dot += (long)ux[i] * uy[j]; i++; j++; }
        }
        return dot;
    }

    /// <summary>
    /// These vectors with some articles' signatures replaced (same articles, same count), and the articles whose
    /// vectors changed: the replaced ones, and every article using a term whose weight moved.
    /// </summary>
    public (SignatureVectors Vectors, HashSet<int> Changed) WithSignatures(IReadOnlyList<(int Article, EquatableArray<string> Signature)> replaced)
    {
        var terms = _terms;
        var vectors = _vectors.ToBuilder();
        var membership = new Dictionary<int, List<(int Article, bool Uses)>>(); // per term whose users change
        List<(int Article, bool Uses)> Users(int term) => membership.TryGetValue(term, out var list) ? list : membership[term] = [];
        foreach (var (article, signature) in replaced)
        {
            var ids = new int[signature.Count];
            for (var k = 0; k < ids.Length; k++)
            {
                (terms, var id) = terms.GetOrAdd(signature[k]);
                ids[k] = id;
            }
            Array.Sort(ids);
            foreach (var t in ids.Except(vectors[article])) Users(t).Add((article, true));
            foreach (var t in vectors[article].Except(ids)) Users(t).Add((article, false));
            vectors[article] = ids;
        }
        var df = _df.ToBuilder();
        var postings = _postings.ToBuilder();
        df.Grow(terms.Count, 0);
        postings.Grow(terms.Count, []);
        var deadTerms = DeadTerms;
        var changed = replaced.Select(r => r.Article).ToHashSet();
        foreach (var (t, moves) in membership)
        {
            var before = postings[t];
            var users = new List<int>(before);
            foreach (var (article, uses) in moves)
            {
                var at = users.BinarySearch(article);
                if (uses && at < 0) users.Insert(~at, article);
                else if (!uses && at >= 0) users.RemoveAt(at);
            }
            postings[t] = [.. users];
            df[t] = users.Count;
            // A term new in this update was not counted dead before it.
            var deadBefore = t < _df.Length && _df[t] == 0;
            if (deadBefore != (users.Count == 0)) deadTerms += deadBefore ? -1 : 1;
            // Every article that used or uses a term whose weight moved sees its vector change.
            if (WeightOf(users.Count, Count, Cap) != (t < _df.Length ? Weight(t) : 0))
            {
                foreach (var a in before) changed.Add(a);
                foreach (var a in users) changed.Add(a);
            }
        }
        var units = _units.ToBuilder();
        var norm = _norm.ToBuilder();
        foreach (var a in changed) (norm[a], units[a]) = Normalized(vectors[a], t => WeightOf(df[t], Count, Cap));
        var result = new SignatureVectors(Count, terms, df.Build(), postings.Build(), vectors.Build(), units.Build(), norm.Build(), deadTerms, IdEpoch);
        return (result.DeadTerms >= Math.Max(MinDeadTermsToCompact, result.TermCount - result.DeadTerms) ? result.Compacted() : result, changed);
    }

    // The same vectors without the dead terms. Ids are renumbered in their old order, so every article's ids stay
    // ascending and its unit components stay parallel to them; weights, norms and units do not depend on ids, so every
    // similarity is the same to the bit. Without this a long session kept every word ever typed in a signature, and
    // each update copied per-term arrays that only grew.
    private SignatureVectors Compacted()
    {
        var newId = new int[_df.Length];
        var live = 0;
        for (var t = 0; t < _df.Length; t++) newId[t] = _df[t] > 0 ? live++ : -1;
        var df = new int[live];
        var postings = new int[live][];
        for (var t = 0; t < _df.Length; t++)
        {
            if (newId[t] < 0) continue;
            df[newId[t]] = _df[t];
            postings[newId[t]] = _postings[t];
        }
        var vectors = new int[_vectors.Length][];
        for (var a = 0; a < vectors.Length; a++)
        {
            var ids = new int[_vectors[a].Length];
            for (var k = 0; k < ids.Length; k++) ids[k] = newId[_vectors[a][k]];
            vectors[a] = ids;
        }
        return new SignatureVectors(Count, _terms.Renumbered(newId, live), ChunkedArray<int>.From(df), ChunkedArray<int[]>.From(postings),
            ChunkedArray<int[]>.From(vectors), _units, _norm, idEpoch: IdEpoch + 1);
    }

    // An article's norm (of its terms' squared weights) and its unit vector, fixed-point, parallel to its terms.
    private static (double Norm, int[] Units) Normalized(int[] terms, Func<int, long> weight)
    {
        long sum = 0;
        foreach (var t in terms) sum += weight(t);
        var units = new int[terms.Length];
        for (var k = 0; k < terms.Length; k++) units[k] = sum == 0 ? 0 : (int)Math.Round(Math.Sqrt(weight(terms[k]) / (double)sum) * UnitScale);
        return (Math.Sqrt(sum), units);
    }

    private static double Square(double x) => x * x;

    /// <summary>
    /// Term ids: those of the fresh build, then those later signatures introduced. Stable between compactions, which
    /// renumber the live terms densely.
    /// </summary>
    private sealed class TermTable(Dictionary<string, int> built, ImmutableDictionary<string, int> added)
    {
        public int Count => built.Count + added.Count;

        public (TermTable Table, int Id) GetOrAdd(string term)
        {
            if (built.TryGetValue(term, out var id) || added.TryGetValue(term, out id)) return (this, id);
            id = Count;
            return (new TermTable(built, added.Add(term, id)), id);
        }

        /// <summary>The table with each term's id replaced by <paramref name="newId"/>[id], terms mapped to -1 left out.</summary>
        public TermTable Renumbered(int[] newId, int live)
        {
            var ids = new Dictionary<string, int>(live, StringComparer.Ordinal);
            foreach (var (term, id) in built) if (newId[id] >= 0) ids[term] = newId[id];
            foreach (var (term, id) in added) if (newId[id] >= 0) ids[term] = newId[id];
            return new TermTable(ids, ImmutableDictionary<string, int>.Empty);
        }
    }
}
