using NewsLsp.Analysis.Entities;

namespace NewsLsp.Analysis.Agreement;

/// <summary>Speakers as linked entities: the id of the person (or organisation) the name links to, or null.</summary>
public sealed class EntitySpeakerIdentity(EntityIndex entities) : ISpeakerIdentity
{
    private static readonly EntityType[] SpeakerTypes = [EntityType.Person, EntityType.Organisation, EntityType.Location, EntityType.Misc];

    public static EntitySpeakerIdentity For(WorkspaceSnapshot snapshot) => new(EntityIndex.For(snapshot));

    public string? IdOf(DocumentKey document, string speaker)
    {
        foreach (var type in SpeakerTypes)
        {
            if (entities.Entities.Find(speaker, type) is { } entity) return entity.Id;
        }
        // A name the recogniser tagged inside a longer span: the entity mentioned where this article names the speaker.
        var mention = entities.MentionsIn(document).FirstOrDefault(o => o.Mention.Text.EndsWith(speaker, StringComparison.Ordinal)
                                                                        || speaker.EndsWith(o.Mention.Text, StringComparison.Ordinal));
        return mention?.Entity.Id;
    }
}
