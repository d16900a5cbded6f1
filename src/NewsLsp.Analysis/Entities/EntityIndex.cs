using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Entities with their mentions, as of one snapshot: the linked entities (a corpus fact) joined with each
/// article's mentions (article facts). This is the API other features use: which entity is at an offset, where an
/// entity is mentioned. Cheap to get: both inputs are memoized, and the join is done lazily per article. The
/// corpus-wide join by entity is derived from the last one built when it can be (<see cref="MentionsByEntity"/>):
/// every keystroke makes a new snapshot, and joining 10,000 articles again took about a second before the first
/// hover, semantic colouring or reference search after it.
/// </summary>
public sealed class EntityIndex
{
    private static readonly ConditionalWeakTable<WorkspaceSnapshot, EntityIndex> BySnapshot = new();

    // The last index whose join by entity was built: what the next snapshot's join is derived from. It keeps that
    // snapshot alive until another is built.
    private static EntityIndex? _lastJoined;

    private readonly WorkspaceSnapshot _snapshot;
    private readonly ConcurrentDictionary<DocumentKey, ImmutableArray<EntityOccurrence>> _byDocument = new();
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<EntityOccurrence>>> _byEntity;
    private readonly ConcurrentDictionary<string, EntityOccurrence> _introductions = new(StringComparer.Ordinal); // anywhere in the corpus

    private EntityIndex(WorkspaceSnapshot snapshot)
    {
        _snapshot = snapshot;
        Entities = snapshot.Get(EntityLinkingQuery.For(snapshot.Knowledge));
        _byEntity = new(() =>
        {
            var joined = (Volatile.Read(ref _lastJoined) is { } earlier && earlier != this ? DeriveJoinFrom(earlier) : null)
                         ?? MentionsByEntity.Build(_snapshot, MentionsIn);
            Volatile.Write(ref _lastJoined, this);
            return joined;
        });
    }

    /// <summary>Computes the join of every entity's mentions now, if it was not; false when it was.</summary>
    public bool PrepareJoin()
    {
        if (_byEntity.IsValueCreated) return false;
        _ = _byEntity.Value;
        return true;
    }

    /// <summary>The join by entity derived from <paramref name="earlier"/>'s (built if it was not); null when it cannot be.</summary>
    internal ImmutableDictionary<string, ImmutableArray<EntityOccurrence>>? DeriveJoinFrom(EntityIndex earlier) =>
        MentionsByEntity.Derive(earlier._snapshot, earlier.Entities, earlier._byEntity.Value, earlier.MentionsIn, _snapshot, Entities, MentionsIn);

    /// <summary>The join by entity computed afresh, never derived (for tests comparing the two).</summary>
    internal ImmutableDictionary<string, ImmutableArray<EntityOccurrence>> JoinAfresh() => MentionsByEntity.Build(_snapshot, MentionsIn);

    public static EntityIndex For(WorkspaceSnapshot snapshot) => BySnapshot.GetValue(snapshot, s => new EntityIndex(s));

    /// <summary>The corpus's entities (no positions).</summary>
    public LinkedEntities Entities { get; }

    /// <summary>The entity mentioned at <paramref name="offset"/> in the document (a mention's end counts), or null.</summary>
    public EntityOccurrence? FindEntityAt(DocumentKey document, int offset)
    {
        foreach (var occurrence in MentionsIn(document))
        {
            if (offset >= occurrence.Span.Start && offset <= occurrence.Span.End) return occurrence;
            if (occurrence.Span.Start > offset) break;
        }
        return null;
    }

    /// <summary>Every mention in one document, in text order, each with its entity.</summary>
    public ImmutableArray<EntityOccurrence> MentionsIn(DocumentKey document) =>
        _byDocument.GetOrAdd(document, key =>
        {
            var article = _snapshot.GetArticle(key);
            if (article is null) return [];
            var result = ImmutableArray.CreateBuilder<EntityOccurrence>();
            foreach (var mention in article.Get(ArticleEntityMentions.Query).Mentions)
            {
                if (Entities.Find(mention.Text, mention.Type) is { } entity) result.Add(new EntityOccurrence(key, mention, entity));
            }
            return result.ToImmutable();
        });

    /// <summary>Every mention of the entity across the corpus, by document (ordinal) then position.</summary>
    public ImmutableArray<EntityOccurrence> MentionsOf(string entityId) => _byEntity.Value.GetValueOrDefault(entityId, []);

    /// <summary>The entity's first mention in text order that is a full name (more than one word), in the document, else anywhere in the corpus; else its first mention.</summary>
    public EntityOccurrence? Introduction(string entityId, DocumentKey? preferredDocument = null)
    {
        var mentions = MentionsOf(entityId);
        if (mentions.IsEmpty) return null;
        if (preferredDocument is { } key)
        {
            // Mentions are in document order: the document's run starts at the first mention not before it. (Colouring
            // asks this for every mention of an article, and a frequent entity has thousands of mentions.)
            var (low, high) = (0, mentions.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (mentions[middle].Document.CompareTo(key) < 0) low = middle + 1;
                else high = middle;
            }
            for (var i = low; i < mentions.Length && mentions[i].Document == key; i++)
            {
                if (mentions[i].Mention.IsFullName) return mentions[i];
            }
        }
        return _introductions.GetOrAdd(entityId, static (_, all) => all.FirstOrDefault(m => m.Mention.IsFullName) ?? all[0], mentions);
    }
}

/// <summary>A mention in a document, with the entity it belongs to.</summary>
public sealed record EntityOccurrence(DocumentKey Document, EntityMention Mention, LinkedEntity Entity)
{
    public Microsoft.CodeAnalysis.Text.TextSpan Span => Mention.Span;
}
