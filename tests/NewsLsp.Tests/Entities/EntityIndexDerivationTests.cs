using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

// The join of every entity's mentions is derived from the previous snapshot's after an edit; it must equal the join
// computed afresh, whatever the edit did to the names and their links.
public class EntityIndexDerivationTests
{
    [Fact]
    public void A_join_derived_after_each_edit_equals_the_join_computed_afresh()
    {
        var snapshot = Articles.Seeds();
        var documents = snapshot.Documents;
        var edits = new (string Find, string Replace)[]
        {
            ("Zelensky", "Zelenskyj"),           // a spelling: the person's entity may gain or lose a variant
            ("Putin", "Medvedev"),               // a name replaced by another
            ("Kiev", "Leopoli"),                 // a place
            (" il ", " il signor Mario Bianchi e il "), // a new person
            ("Nato", "NATO"),
        };
        var round = 0;
        foreach (var (find, replace) in edits)
        {
            foreach (var document in documents)
            {
                var text = snapshot.GetRequiredArticle(document).Text.ToString();
                var at = text.IndexOf(find, StringComparison.Ordinal);
                if (at < 0) continue;
                var before = snapshot;
                snapshot = snapshot.WithDocumentText(document, SourceText.From(text.Remove(at, find.Length).Insert(at, replace)));
                AssertDerivedEqualsFresh(before, snapshot, $"after {find} → {replace} in {document}");
                round++;
            }
        }
        Assert.True(round >= 5, $"only {round} edits applied");

        // An article added with names of the others, then removed.
        var added = new DocumentKey("/seeds/zz-added.txt");
        var withAdded = snapshot.WithDocumentText(added, SourceText.From("Titolo\nIl presidente Volodymyr Zelenskyy ha incontrato Mario Bianchi a Leopoli."));
        AssertDerivedEqualsFresh(snapshot, withAdded, "after adding an article");
        AssertDerivedEqualsFresh(withAdded, withAdded.WithoutDocument(added), "after removing it");
    }

    [Fact]
    public void A_join_is_derived_across_more_edits_than_a_snapshot_remembers()
    {
        var first = Articles.Seeds();
        var snapshot = first;
        // Lowercase words only: no name changes, so the linked entities stay the same object throughout, while the
        // snapshot forgets the first article map after eight edits (the documents are then compared one by one).
        for (var i = 0; i < 12; i++)
        {
            var document = first.Documents[i % first.Documents.Length];
            var text = snapshot.GetRequiredArticle(document).Text.ToString();
            var at = text.IndexOf(" e ", StringComparison.Ordinal);
            snapshot = snapshot.WithDocumentText(document, SourceText.From(text.Insert(at, " poi")));
        }
        Assert.Null(snapshot.ArticlesEditedSince(first));
        AssertDerivedEqualsFresh(first, snapshot, "twelve edits later");
    }

    [Fact]
    public void A_join_is_derived_across_more_relinking_than_the_linked_entities_remember()
    {
        var first = Articles.Seeds();
        _ = EntityIndex.For(first).Entities;
        var snapshot = first;
        // A name replaced by another and another in one article, linking each time: after eight, the entities no longer
        // say which articles changed since the first; the join then compares each earlier entity's object with today's.
        var document = first.Documents.First(d => first.GetRequiredArticle(d).Text.ToString().Contains("Putin", StringComparison.Ordinal));
        var original = first.GetRequiredArticle(document).Text.ToString();
        string[] surnames = ["Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Lombardi"];
        foreach (var surname in surnames)
        {
            snapshot = snapshot.WithDocumentText(document, SourceText.From(original.Replace("Putin", surname, StringComparison.Ordinal)));
            _ = EntityIndex.For(snapshot).Entities;
        }
        Assert.Null(EntityIndex.For(snapshot).Entities.ArticlesChangedSince(EntityIndex.For(first).Entities));
        AssertDerivedEqualsFresh(first, snapshot, "twelve relinkings later");
    }

    [Fact]
    public void Preparing_an_article_for_editing_builds_the_join_its_first_hover_reads()
    {
        var snapshot = Articles.Seeds();
        snapshot.PrepareToEdit(snapshot.Documents[0]);
        Assert.False(EntityIndex.For(snapshot).PrepareJoin()); // built already
        var edited = snapshot.WithDocumentText(snapshot.Documents[0], SourceText.From(snapshot.GetRequiredArticle(snapshot.Documents[0]).Text + " Fine."));
        Assert.True(EntityIndex.For(edited).PrepareJoin());
    }

    [Fact]
    public void A_join_derived_from_an_unrelated_workspace_is_that_workspace_s_own()
    {
        // No article state is shared and the entities remember nothing of the other's: every article is redone.
        var one = Articles.Workspace(("a.txt", "Titolo\nMario Rossi è arrivato a Milano."), ("b.txt", "Titolo\nLuca Neri è a Bari."));
        var other = Articles.Workspace(("a.txt", "Titolo\nGiulia Verdi è arrivata a Torino."), ("c.txt", "Titolo\nMario Rossi è a Napoli."));
        AssertDerivedEqualsFresh(one, other, "from another workspace");
    }

    // Derived from the join of `before` (whichever way that one was made), it equals the join computed afresh.
    private static void AssertDerivedEqualsFresh(WorkspaceSnapshot before, WorkspaceSnapshot after, string when)
    {
        var earlier = EntityIndex.For(before); // its entities first, as a server computes each snapshot's in turn
        var index = EntityIndex.For(after);
        var derived = index.DeriveJoinFrom(earlier);
        Assert.True(derived is not null, $"not derived {when}");
        var fresh = index.JoinAfresh();
        Assert.True(fresh.Keys.Order(StringComparer.Ordinal).SequenceEqual(derived.Keys.Order(StringComparer.Ordinal)), $"entity ids differ {when}");
        foreach (var (id, mentions) in fresh)
            Assert.True(mentions.SequenceEqual(derived[id]), $"mentions of {id} differ {when}: {Describe(mentions)} | {Describe(derived[id])}");
    }

    private static string Describe(IEnumerable<EntityOccurrence> mentions) =>
        string.Join(", ", mentions.Select(m => $"{m.Document.Value}@{m.Span.Start}:{m.Mention.Text}"));
}
