using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;

namespace NewsLsp.Differential;

/// <summary>
/// Every fact the engine exposes, found by reflection so that new facts (entity clusters, events, quote groups,
/// numbers…) are compared as soon as they exist: each static <see cref="ArticleQuery{T}"/> and
/// <see cref="CorpusQuery{TSummary,T}"/> declared in a NewsLsp assembly, plus syntax and diagnostics.
/// </summary>
public sealed class Facts
{
    private static readonly MethodInfo ArticleGet = typeof(ArticleState).GetMethod(nameof(ArticleState.Get))!;
    private static readonly MethodInfo SnapshotGet = typeof(WorkspaceSnapshot).GetMethods()
        .Single(m => m.Name == nameof(WorkspaceSnapshot.Get) && m.GetGenericArguments().Length == 2);

    private static readonly FieldInfo CorpusFactsField = typeof(WorkspaceSnapshot).GetField("_corpusFacts", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("WorkspaceSnapshot._corpusFacts not found: update the differential's fact discovery");

    private readonly List<(string Name, object Query, MethodInfo Get)> _articleQueries = [];
    private readonly List<(string Name, object Query, MethodInfo Get)> _corpusQueries = [];

    public Facts(IEnumerable<Assembly>? assemblies = null)
    {
        foreach (var assembly in assemblies ?? NewsLspAssemblies())
        {
            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException ex) { types = [.. ex.Types.OfType<Type>()]; }
            foreach (var type in types.Where(t => !t.ContainsGenericParameters))
            {
                const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                var values = type.GetFields(flags).Where(f => !f.IsLiteral).Select(f => (f.Name, Type: f.FieldType, Get: (Func<object?>)(() => f.GetValue(null))))
                    .Concat(type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
                        .Select(p => (p.Name, Type: p.PropertyType, Get: (Func<object?>)(() => p.GetValue(null)))));
                foreach (var (name, declared, get) in values)
                {
                    if (!IsQueryType(declared)) continue;
                    object? query;
                    try { query = get(); }
                    catch (TargetInvocationException) { continue; }
                    if (query is null) continue;
                    Add(query, $"{type.Name}.{name}");
                }
            }
        }
    }

    public IReadOnlyList<string> ArticleQueryNames => [.. _articleQueries.Select(q => q.Name)];
    public IReadOnlyList<string> CorpusQueryNames => [.. _corpusQueries.Select(q => q.Name)];

    /// <summary>Registers a query declared elsewhere (tests use this for deliberately faulty queries).</summary>
    public void Add(object query, string name)
    {
        for (var t = query.GetType(); t is not null; t = t.BaseType)
        {
            if (!t.IsGenericType) continue;
            var definition = t.GetGenericTypeDefinition();
            if (definition == typeof(ArticleQuery<>))
            {
                if (_articleQueries.Any(q => ReferenceEquals(q.Query, query))) return;
                _articleQueries.Add((name, query, ArticleGet.MakeGenericMethod(t.GetGenericArguments())));
                return;
            }
            if (definition == typeof(CorpusQuery<,>))
            {
                if (_corpusQueries.Any(q => ReferenceEquals(q.Query, query))) return;
                _corpusQueries.Add((name, query, SnapshotGet.MakeGenericMethod(t.GetGenericArguments())));
                return;
            }
        }
    }

    /// <summary>
    /// The canonical dump of everything the differential compares: each present document's text, syntax and
    /// article facts (for <paramref name="articles"/>: all documents when null), every document's diagnostics,
    /// and every corpus fact. <paramref name="order"/> permutes the evaluation order, never the dump.
    /// </summary>
    public string Dump(WorkspaceSnapshot snapshot, IReadOnlySet<DocumentKey>? articles = null, int order = 0)
    {
        // Evaluate in a varying order first (memo tables must not depend on it), then dump in a fixed order.
        if (order % 3 == 1) foreach (var q in _corpusQueries) Evaluate(q.Get, snapshot, q.Query);
        if (order % 3 == 2) foreach (var key in snapshot.Documents.Reverse()) snapshot.GetDiagnostics(key);

        var sb = new StringBuilder();
        foreach (var key in snapshot.Documents)
        {
            var article = snapshot.GetRequiredArticle(key);
            sb.Append("== document ").Append(key).Append(" v? len ").Append(article.Text.Length).Append('\n');
            if (articles is null || articles.Contains(key))
            {
                sb.Append("text ").Append(CanonicalDump.Hash(article.Text.ToString())).Append('\n');
                sb.Append("syntax\n");
                DescribeSyntax(sb, article.Syntax);
                foreach (var (name, query, get) in _articleQueries)
                {
                    sb.Append("article-fact ").Append(name).Append(' ');
                    CanonicalDump.Write(sb, Evaluate(get, article, query));
                    sb.Append('\n');
                }
            }
            foreach (var diagnostic in snapshot.GetDiagnostics(key))
            {
                sb.Append("diagnostic ");
                CanonicalDump.Write(sb, diagnostic);
                sb.Append('\n');
            }
        }
        // Corpus queries built by factories (e.g. one per knowledge file) are found by asking the snapshot which
        // ones its diagnostics used.
        if (CorpusFactsField.GetValue(snapshot) is System.Collections.IDictionary used)
        {
            foreach (var query in used.Keys.Cast<ICorpusQuery>().ToList()) Add(query, query.Name);
        }
        foreach (var (name, query, get) in _corpusQueries.OrderBy(q => q.Name, StringComparer.Ordinal))
        {
            sb.Append("corpus-fact ").Append(name).Append(' ');
            CanonicalDump.Write(sb, Evaluate(get, snapshot, query));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Every block with its kind, position, tokens, sentences and image parts (the syntax has no other state).</summary>
    public static void DescribeSyntax(StringBuilder sb, NewsLsp.Syntax.ArticleSyntax syntax)
    {
        foreach (var block in syntax.Blocks)
        {
            sb.Append(block.Kind).Append('@').Append(block.Start).Append(' ').Append(CanonicalDump.Hash(block.Content.ToString())).Append(':');
            foreach (var token in block.Tokens) sb.Append(token.Start).Append(',').Append(token.Length).Append(token.Kind).Append(token.Quote).Append(' ');
            foreach (var sentence in block.Sentences) sb.Append('|').Append(sentence.Span);
            if (block.Content.Image is { } image) sb.Append(" image ").Append(image.AltSpan).Append(image.UrlSpan).Append(EditSpec.Quote(image.Alt));
            sb.Append('\n');
        }
    }

    private static object? Evaluate(MethodInfo get, object target, object query)
    {
        try { return get.Invoke(target, [query]); }
        catch (TargetInvocationException ex) { return "threw " + ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message; }
    }

    private static bool IsQueryType(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(ArticleQuery<>) || t.GetGenericTypeDefinition() == typeof(CorpusQuery<,>))) return true;
        }
        return false;
    }

    private static IEnumerable<Assembly> NewsLspAssemblies()
    {
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "NewsLsp.*.dll").Order(StringComparer.Ordinal))
        {
            // The product's assemblies only: not test assemblies nor this tool.
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.EndsWith(".Tests", StringComparison.Ordinal) || name == typeof(Facts).Assembly.GetName().Name) continue;
            Assembly assembly;
            try { assembly = Assembly.LoadFrom(file); }
            catch (BadImageFormatException) { continue; }
            yield return assembly;
        }
    }
}

/// <summary>
/// A deterministic text form of any fact value: public properties and fields by name (private fields when a type
/// exposes nothing), collections in order, sets and dictionaries sorted, texts as hashes, cycles cut.
/// </summary>
public static class CanonicalDump
{
    private const int MaxDepth = 14;

    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value) => Write(sb, value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

    public static string Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) { hash ^= c; hash *= 1099511628211UL; }
        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static void Write(StringBuilder sb, object? value, int depth, HashSet<object> path)
    {
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append(EditSpec.Quote(s)); return;
            case bool or char or Enum: sb.Append(value); return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal: sb.Append(f.ToString(null, CultureInfo.InvariantCulture)); return;
            case SourceText text: sb.Append("text#").Append(Hash(text.ToString())); return;
            case ArticleState article: sb.Append("article(").Append(article.Key).Append(')'); return;
            case WorkspaceSnapshot: sb.Append("snapshot"); return;
            case Delegate or Type or MemberInfo: sb.Append(value.GetType().Name); return;
            case TextSpan or LinePosition or LinePositionSpan or DocumentKey: sb.Append(value); return;
        }
        var type = value.GetType();
        if (depth > MaxDepth) { sb.Append('…'); return; }
        if (!type.IsValueType && !path.Add(value)) { sb.Append("<cycle>"); return; }
        try
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Lazy<>))
            {
                Write(sb, type.GetProperty("Value")!.GetValue(value), depth + 1, path);
                return;
            }
            if (IsDefaultImmutableArray(value, type)) { sb.Append("default"); return; }
            if (value is IDictionary dictionary)
            {
                var entries = new List<string>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var e = new StringBuilder();
                    Write(e, entry.Key, depth + 1, path);
                    e.Append(": ");
                    Write(e, entry.Value, depth + 1, path);
                    entries.Add(e.ToString());
                }
                entries.Sort(StringComparer.Ordinal);
                sb.Append('{').AppendJoin(", ", entries).Append('}');
                return;
            }
            if (value is IEnumerable sequence)
            {
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    var e = new StringBuilder();
                    Write(e, item, depth + 1, path);
                    items.Add(e.ToString());
                }
                if (IsUnordered(type)) items.Sort(StringComparer.Ordinal);
                sb.Append('[').AppendJoin(", ", items).Append(']');
                return;
            }
            WriteMembers(sb, value, type, depth, path);
        }
        finally
        {
            if (!type.IsValueType) path.Remove(value);
        }
    }

    private static void WriteMembers(StringBuilder sb, object value, Type type, int depth, HashSet<object> path)
    {
        var members = new List<(string Name, Func<object?> Get)>();
        foreach (var p in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null || p.Name == "EqualityContract") continue;
            members.Add((p.Name, () => p.GetValue(value)));
        }
        foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public)) members.Add((f.Name, () => f.GetValue(value)));
        if (members.Count == 0)
        {
            foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                if (f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Lazy<>)) continue;
                members.Add((f.Name, () => f.GetValue(value)));
            }
        }
        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        sb.Append(type.Name).Append('{');
        var first = true;
        foreach (var (name, get) in members)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(name).Append('=');
            object? member;
            try { member = get(); }
            catch (TargetInvocationException ex) { sb.Append("threw ").Append(ex.InnerException?.GetType().Name); continue; }
            Write(sb, member, depth + 1, path);
        }
        sb.Append('}');
    }

    private static bool IsDefaultImmutableArray(object value, Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty("IsDefault")!.GetValue(value)!;

    private static bool IsUnordered(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));
}
