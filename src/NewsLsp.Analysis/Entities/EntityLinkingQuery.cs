using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NewsLsp.Analysis.Entities;

/// <summary>
/// Cross-article linking as a corpus query: its input is each article's <see cref="ArticleEntitySummary"/> (names,
/// types, roles) and the workspace's <see cref="EntityKnowledge"/>. One query instance per distinct knowledge
/// (compared by value), so an unchanged knowledge file keeps the memo and its early cutoff.
/// </summary>
public sealed class EntityLinkingQuery : CorpusQuery<ArticleEntitySummary, LinkedEntities>
{
    private static readonly ConcurrentDictionary<EntityKnowledge, EntityLinkingQuery> Instances = new();

    private EntityLinkingQuery(EntityKnowledge knowledge) : base("entity-linking") => Knowledge = knowledge;

    public EntityKnowledge Knowledge { get; }

    public static EntityLinkingQuery For(EntityKnowledge knowledge) => Instances.GetOrAdd(knowledge, k => new EntityLinkingQuery(k));

    public override ArticleQuery<ArticleEntitySummary> Summary => ArticleEntitySummary.Query;

    protected internal override LinkedEntities Compute(ImmutableSortedDictionary<DocumentKey, ArticleEntitySummary> summaries) =>
        LinkingState.Compute(summaries, Knowledge);

    /// <summary>Relinks only the names the changed summaries touch and their neighbourhoods (see <see cref="LinkingState"/>).</summary>
    protected internal override LinkedEntities Update(LinkedEntities previous, ImmutableSortedDictionary<DocumentKey, ArticleEntitySummary> summaries,
        IReadOnlyList<SummaryChange<ArticleEntitySummary>> changes) =>
        previous.TakeState() is { } state ? state.Apply(changes, previous) : Compute(summaries);
}
