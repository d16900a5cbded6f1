namespace NewsLsp.Analysis.Entities;

/// <summary>
/// One folded name across the corpus: its spellings, type votes and roles (each counted once per article surface
/// form), and the articles using it. Kept up to date article by article (<see cref="Add"/>, <see cref="Remove"/>),
/// so a changed summary touches only the names it mentions.
/// </summary>
internal sealed class LinkNode
{
    private readonly Dictionary<DocumentKey, int> _formsPerArticle = new();
    // Spellings that read as acronyms, with the articles using them: the linker takes the one the corpus, read in
    // document order, uses first.
    private readonly Dictionary<string, SortedDictionary<DocumentKey, int>> _acronymArticles = new(StringComparer.Ordinal);
    private string? _spelling;

    public LinkNode(string key)
    {
        Key = key;
        Words = key.Split(' ');
    }

    public string Key { get; }
    public IReadOnlyList<string> Words { get; }
    public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
    public Dictionary<EntityType, int> TypeVotes { get; } = new();
    public Dictionary<string, int> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>The articles using the name.</summary>
    public IReadOnlyCollection<DocumentKey> Articles => _formsPerArticle.Keys;

    public bool IsUnused => _formsPerArticle.Count == 0;

    /// <summary>The declared type, else the type the name has most often (the model may type one name differently).</summary>
    public EntityType Type { get; private set; }

    /// <summary>The most used spelling; ties go to the ordinally first.</summary>
    public string Spelling => _spelling ??= Spellings.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;

    public IReadOnlyList<string> SpellingWords => NameForms.Words(Spelling);

    /// <summary>The acronym-like spelling first used in document order (ties in one article: ordinal), or null.</summary>
    public string? Acronym { get; private set; }

    /// <summary>The initials of the spelling's capitalised words when it has two or more words, else "".</summary>
    public string Initials { get; private set; } = "";

    public void Add(DocumentKey article, SurfaceForm form) => Count(article, form, +1);

    public void Remove(DocumentKey article, SurfaceForm form) => Count(article, form, -1);

    /// <summary>Recomputes what depends on all the counts; call after the last Add/Remove of a change.</summary>
    public void Refresh(EntityType? declaredType)
    {
        _spelling = null;
        if (IsUnused) return;
        Type = declaredType ?? TypeVotes.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
        Acronym = _acronymArticles
            .Select(p => (Spelling: p.Key, First: p.Value.Keys.First()))
            .OrderBy(p => p.First).ThenBy(p => p.Spelling, StringComparer.Ordinal)
            .Select(p => p.Spelling).FirstOrDefault();
        var words = SpellingWords;
        Initials = words.Count < 2 ? "" : new string(words.Where(NameForms.StartsUpper).Select(w => w[0]).ToArray());
    }

    /// <summary>How many articles this name and <paramref name="other"/> are both used in.</summary>
    public int SharedArticles(LinkNode other)
    {
        var (small, large) = _formsPerArticle.Count <= other._formsPerArticle.Count ? (this, other) : (other, this);
        var shared = 0;
        foreach (var article in small._formsPerArticle.Keys) if (large._formsPerArticle.ContainsKey(article)) shared++;
        return shared;
    }

    public static bool IsAcronym(string spelling) => spelling.Length is >= 2 and <= 6 && spelling.All(char.IsUpper);

    private void Count(DocumentKey article, SurfaceForm form, int delta)
    {
        Bump(Spellings, form.Text, delta);
        Bump(TypeVotes, form.Type, delta);
        foreach (var role in form.Roles) Bump(Roles, role, delta);
        Bump(_formsPerArticle, article, delta);
        if (!IsAcronym(form.Text)) return;
        if (!_acronymArticles.TryGetValue(form.Text, out var articles)) _acronymArticles[form.Text] = articles = new();
        var uses = articles.GetValueOrDefault(article) + delta;
        if (uses == 0) articles.Remove(article);
        else articles[article] = uses;
        if (articles.Count == 0) _acronymArticles.Remove(form.Text);
    }

    private static void Bump<TKey>(Dictionary<TKey, int> counts, TKey key, int delta) where TKey : notnull
    {
        var value = counts.GetValueOrDefault(key) + delta;
        if (value == 0) counts.Remove(key);
        else counts[key] = value;
    }
}
