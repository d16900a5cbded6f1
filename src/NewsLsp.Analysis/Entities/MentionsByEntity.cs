using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Every entity's mentions across the corpus, ordered by document (ordinal) then position: built from every article,
/// or derived from another snapshot's join by redoing only the articles whose mentions can differ.
/// </summary>
internal static class MentionsByEntity
{
    // Past this share of the articles, joining afresh costs about what deriving does.
    private const int MostChangedPerCorpus = 4;

    public static ImmutableDictionary<string, ImmutableArray<EntityOccurrence>> Build(WorkspaceSnapshot snapshot,
        Func<DocumentKey, ImmutableArray<EntityOccurrence>> mentionsIn) =>
        snapshot.Documents
            .SelectMany(key => mentionsIn(key))
            .GroupBy(o => o.Entity.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>
    /// The join for <paramref name="snapshot"/> from the earlier one's; null when that would not pay.
    /// </summary>
    /// <remarks>
    /// An article's mentions are the same objects in both snapshots when its state is the same and its names still
    /// find the same entity objects (the linking keeps an unchanged entity's object and records the articles whose
    /// names now find another). The other articles are taken out of the earlier join and put back as they are now.
    /// </remarks>
    public static ImmutableDictionary<string, ImmutableArray<EntityOccurrence>>? Derive(
        WorkspaceSnapshot earlierSnapshot, LinkedEntities earlierEntities, ImmutableDictionary<string, ImmutableArray<EntityOccurrence>> earlierJoin,
        Func<DocumentKey, ImmutableArray<EntityOccurrence>> earlierMentionsIn,
        WorkspaceSnapshot snapshot, LinkedEntities entities, Func<DocumentKey, ImmutableArray<EntityOccurrence>> mentionsIn)
    {
        var limit = Math.Max(16, snapshot.DocumentCount / MostChangedPerCorpus);
        var changed = new HashSet<DocumentKey>();
        if (entities.ArticlesChangedSince(earlierEntities) is { } relinked) changed.UnionWith(relinked);
        else if (!AddRelinked(earlierJoin, entities, changed, limit)) return null;
        if (changed.Count > limit) return null;
        if (snapshot.ArticlesEditedSince(earlierSnapshot) is { } edited) changed.UnionWith(edited);
        else if (!AddEdited(earlierSnapshot, snapshot, changed, limit)) return null;
        if (changed.Count > limit) return null;
        if (changed.Count == 0) return earlierJoin;

        // The ids the changed articles mentioned or mention now, with their mentions now, in document order.
        var ordered = changed.Order().ToList();
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var now = new Dictionary<string, List<EntityOccurrence>>(StringComparer.Ordinal);
        foreach (var document in ordered)
        {
            if (earlierSnapshot.Contains(document))
                foreach (var occurrence in earlierMentionsIn(document)) affected.Add(occurrence.Entity.Id);
            if (!snapshot.Contains(document)) continue;
            foreach (var occurrence in mentionsIn(document))
            {
                affected.Add(occurrence.Entity.Id);
                if (!now.TryGetValue(occurrence.Entity.Id, out var list)) now[occurrence.Entity.Id] = list = [];
                list.Add(occurrence);
            }
        }

        var join = earlierJoin.ToBuilder();
        foreach (var id in affected)
        {
            var kept = earlierJoin.GetValueOrDefault(id, []);
            var added = now.GetValueOrDefault(id);
            var merged = ImmutableArray.CreateBuilder<EntityOccurrence>(kept.Length + (added?.Count ?? 0));
            var next = 0;
            foreach (var occurrence in kept)
            {
                if (changed.Contains(occurrence.Document)) continue;
                while (added is not null && next < added.Count && added[next].Document.CompareTo(occurrence.Document) < 0) merged.Add(added[next++]);
                merged.Add(occurrence);
            }
            while (added is not null && next < added.Count) merged.Add(added[next++]);
            if (merged.Count == 0) join.Remove(id);
            else join[id] = merged.DrainToImmutable();
        }
        return join.ToImmutable();
    }

    // The articles added, removed or edited between two snapshots, found by walking both (the later one does not
    // remember the earlier's article map: more edits came between them). False past the limit.
    private static bool AddEdited(WorkspaceSnapshot earlierSnapshot, WorkspaceSnapshot snapshot, HashSet<DocumentKey> changed, int limit)
    {
        // Both ordinal-ordered: walked together.
        var (before, after) = (earlierSnapshot.Documents, snapshot.Documents);
        var (i, j) = (0, 0);
        while (i < before.Length || j < after.Length)
        {
            var order = i == before.Length ? 1 : j == after.Length ? -1 : before[i].CompareTo(after[j]);
            if (order < 0) changed.Add(before[i++]);
            else if (order > 0) changed.Add(after[j++]);
            else
            {
                if (!ReferenceEquals(earlierSnapshot.GetArticle(before[i]), snapshot.GetArticle(after[j]))) changed.Add(after[j]);
                (i, j) = (i + 1, j + 1);
            }
            if (changed.Count > limit) return false;
        }
        return true;
    }

    // The articles whose names now find another entity object, when the linked entities no longer remember the earlier
    // ones (more relinking came between them): an entity whose names or id changed is a new object, so the articles
    // of every earlier entity whose id now finds another object (or none). False past the limit.
    private static bool AddRelinked(ImmutableDictionary<string, ImmutableArray<EntityOccurrence>> earlierJoin, LinkedEntities entities,
        HashSet<DocumentKey> changed, int limit)
    {
        foreach (var (id, mentions) in earlierJoin)
        {
            if (ReferenceEquals(entities.FindById(id), mentions[0].Entity)) continue;
            foreach (var mention in mentions) changed.Add(mention.Document);
            if (changed.Count > limit) return false;
        }
        return true;
    }
}
