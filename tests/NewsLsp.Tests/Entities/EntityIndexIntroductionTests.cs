using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

// Where an entity is introduced (go to definition, and the definition flag of semantic colouring), found without
// scanning every mention: the same answer as the scan.
public class EntityIndexIntroductionTests
{
    [Fact]
    public void The_introduction_is_the_first_full_name_in_the_document_else_in_the_corpus_else_the_first_mention()
    {
        var snapshot = Articles.Seeds();
        var index = EntityIndex.For(snapshot);
        var checkedPreferred = 0;
        foreach (var entity in index.Entities.Entities)
        {
            var mentions = index.MentionsOf(entity.Id);
            if (mentions.IsEmpty) continue;
            foreach (DocumentKey? document in snapshot.Documents.Select(d => (DocumentKey?)d).Append(null))
            {
                var expected = (document is { } key ? mentions.FirstOrDefault(m => m.Document == key && m.Mention.IsFullName) : null)
                               ?? mentions.FirstOrDefault(m => m.Mention.IsFullName) ?? mentions[0];
                Assert.Same(expected, index.Introduction(entity.Id, document));
                if (document is not null && expected.Document == document) checkedPreferred++;
            }
        }
        Assert.True(checkedPreferred > 10, $"only {checkedPreferred} introductions in the preferred document");
        Assert.Null(index.Introduction("no-such-entity"));
    }
}
