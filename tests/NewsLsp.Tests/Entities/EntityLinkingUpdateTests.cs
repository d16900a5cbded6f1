using System.Collections.Immutable;
using System.Text;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using Xunit;

namespace NewsLsp.Tests.Entities;

/// <summary>
/// <see cref="EntityLinkingQuery"/>'s incremental Update equals a fresh Compute after many random summary changes,
/// and both equal the all-pairs linker it replaced (<see cref="ReferenceEntityLinker"/>). The names are drawn from a
/// small vocabulary built so that every rule fires and competes: spellings, given-name variants, surnames shared by
/// several full names, short forms, acronyms, types that flip with the votes, and a knowledge file with aliases,
/// merges and splits.
/// </summary>
public class EntityLinkingUpdateTests
{
    private static readonly (string Text, EntityType Type)[] Vocabulary =
    [
        ("Volodymyr Zelensky", EntityType.Person), ("Volodymyr Zelenskyy", EntityType.Person), ("Zelensky", EntityType.Person),
        ("Zelenskyy", EntityType.Person), ("ZELENSKY", EntityType.Person), ("Zelensky", EntityType.Location),
        ("Mario Rossi", EntityType.Person), ("Giulia Rossi", EntityType.Person), ("Rossi", EntityType.Person), ("Marco Rossi", EntityType.Person),
        ("Mike Waltz", EntityType.Person), ("Michael Waltz", EntityType.Person), ("Waltz", EntityType.Person), ("Michele Waltz", EntityType.Person),
        ("Vladimir Putin", EntityType.Person), ("Putin", EntityType.Person), ("Vladimir Vladimirovič Putin", EntityType.Person),
        ("Truth Social", EntityType.Misc), ("Truth", EntityType.Misc), ("Truth Social Media", EntityType.Misc), ("Truth", EntityType.Organisation),
        ("Zaporizhzhia Nuclear Power Plant", EntityType.Location), ("ZNPP", EntityType.Location), ("ZNPP", EntityType.Organisation),
        ("Zaporizhzhia Nuclear Power Plant", EntityType.Organisation), ("Zone Nord Per Pace", EntityType.Organisation),
        ("NATO", EntityType.Organisation), ("Nato", EntityType.Organisation), ("North Atlantic Treaty Organization", EntityType.Organisation),
        ("Nord Atlantic Treaty Org", EntityType.Organisation), ("Kiev", EntityType.Location), ("Kyiv", EntityType.Location), ("Kiew", EntityType.Location),
        ("Ucraina", EntityType.Location), ("Russia", EntityType.Location), ("Mosca", EntityType.Location), ("Cremlino", EntityType.Organisation),
        ("Georgia", EntityType.Location), ("Georgia", EntityType.Person), ("Georgia Meloni", EntityType.Person), ("Giorgia Meloni", EntityType.Person),
        ("Meloni", EntityType.Person), ("Casa Bianca", EntityType.Organisation), ("Casa", EntityType.Organisation), ("CB", EntityType.Organisation),
        ("Unione Europea", EntityType.Organisation), ("UE", EntityType.Organisation), ("Ue", EntityType.Organisation), ("Unione", EntityType.Organisation),
        ("Banca Centrale Europea", EntityType.Organisation), ("BCE", EntityType.Organisation), ("Bce", EntityType.Organisation), ("Banca", EntityType.Organisation),
        ("Jean-Noel Barrot", EntityType.Person), ("Jean Noel Barrot", EntityType.Person), ("Barrot", EntityType.Person),
        ("Stati Uniti", EntityType.Location), ("USA", EntityType.Location), ("America", EntityType.Location), ("Washington", EntityType.Location),
        ("Anna Bianchi", EntityType.Person), ("Andrea Bianchi", EntityType.Person), ("Bianchi", EntityType.Person), ("Bianca", EntityType.Person),
    ];

    private static readonly string[] RoleWords = ["presidente", "ministro", "cancelliere tedesco", "portavoce"];

    private static readonly EntityKnowledge Knowledge = new(
        [new KnownEntity("Stati Uniti", EntityType.Location, ["USA", "America"]), new KnownEntity("Unione Europea", null, ["UE"])],
        [["Kiev", "Kiew"], ["Casa Bianca", "Washington"]],
        [["Russia", "Mosca", "Cremlino"], ["Georgia", "Georgia Meloni"]]);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Update_after_random_summary_changes_equals_a_fresh_compute(int seed, bool withKnowledge)
    {
        var random = new Random(seed);
        var query = EntityLinkingQuery.For(withKnowledge ? Knowledge : EntityKnowledge.Empty);
        var summaries = ImmutableSortedDictionary<DocumentKey, ArticleEntitySummary>.Empty;
        for (var i = 0; i < 30; i++) summaries = summaries.Add(new DocumentKey($"a{i:00}.txt"), RandomSummary(random));
        var value = query.Compute(summaries);
        int partial = 0, narrow = 0;
        for (var step = 0; step < 300; step++)
        {
            var changes = new List<SummaryChange<ArticleEntitySummary>>();
            for (var n = random.Next(1, 3); n > 0; n--)
            {
                var key = new DocumentKey($"a{random.Next(40):00}.txt");
                if (changes.Any(c => c.Key == key)) continue;
                summaries.TryGetValue(key, out var before);
                var after = random.Next(8) == 0 ? null : Mutate(before, random);
                if (before is null && after is null) continue;
                summaries = after is null ? summaries.Remove(key) : summaries.SetItem(key, after);
                changes.Add(new SummaryChange<ArticleEntitySummary>(key, before, after));
            }
            if (changes.Count == 0) continue;

            var previous = value;
            value = query.Update(value, summaries, changes);
            var fresh = query.Compute(summaries);
            // Article-scoped: every article it does not name finds the very same entity objects as before.
            var changedArticles = value.ArticlesChangedSince(previous);
            Assert.NotNull(changedArticles);
            foreach (var (document, summary) in summaries)
            {
                if (changedArticles.Contains(document)) continue;
                foreach (var form in summary.Forms) Assert.Same(previous.Find(form.Text, form.Type), value.Find(form.Text, form.Type));
            }
            if (changedArticles.Count < summaries.Count) narrow++;
            Assert.Equal(Describe(fresh), Describe(value));
            var reference = ReferenceEntityLinker.Link(summaries.Values, query.Knowledge);
            Assert.Equal(Describe(reference.Entities, reference.ByForm), Describe(value));
            if (value.LastRelinkedNames < FormCount(value)) partial++;
        }
        // The updates really were partial most of the time, so the test exercised the incremental path.
        Assert.True(partial > 100, $"only {partial} of 300 updates relinked part of the corpus");
        // Each article here uses a tenth of a small vocabulary, so most changes reach many articles; not all of them.
        Assert.True(narrow > 150, $"only {narrow} of 300 updates left some article's entities as they were");
    }

    [Fact]
    public void An_update_from_a_value_whose_state_was_taken_computes_from_scratch()
    {
        var random = new Random(5);
        var query = EntityLinkingQuery.For(EntityKnowledge.Empty);
        var summaries = ImmutableSortedDictionary<DocumentKey, ArticleEntitySummary>.Empty.Add(new DocumentKey("a.txt"), RandomSummary(random));
        var first = query.Compute(summaries);
        var change = new SummaryChange<ArticleEntitySummary>(new DocumentKey("b.txt"), null, RandomSummary(random));
        var next = summaries.Add(change.Key, change.After!);
        var updated = query.Update(first, next, [change]);
        // The first value's state now belongs to `updated`: updating `first` again must not reuse (and corrupt) it.
        var again = query.Update(first, next, [change]);
        Assert.Equal(Describe(updated), Describe(again));
        Assert.Equal(Describe(query.Compute(next)), Describe(again));
    }

    private static int FormCount(LinkedEntities value) => value.Forms.Select(f => f.Key).Distinct().Count();

    private static ArticleEntitySummary RandomSummary(Random random) => Mutate(null, random);

    // Keeps most of the article's names, drops some, adds some, and now and then gives a name a role.
    private static ArticleEntitySummary Mutate(ArticleEntitySummary? before, Random random)
    {
        var forms = new Dictionary<(string, EntityType), SurfaceForm>();
        foreach (var form in before?.Forms ?? [])
        {
            if (random.Next(4) != 0) forms[(form.Text, form.Type)] = form;
        }
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (text, type) = Vocabulary[random.Next(Vocabulary.Length)];
            ImmutableArray<string> roles = random.Next(5) == 0 ? [RoleWords[random.Next(RoleWords.Length)]] : [];
            forms[(text, type)] = new SurfaceForm(text, type, roles);
        }
        return new ArticleEntitySummary([.. forms.Values.OrderBy(f => f.Text, StringComparer.Ordinal).ThenBy(f => f.Type)]);
    }

    private static string Describe(LinkedEntities value) =>
        Describe(value.Entities, value.Forms.ToDictionary(f => f, f => value.Find(f.Key, f.Type)!));

    private static string Describe(IEnumerable<LinkedEntity> entities, IReadOnlyDictionary<(string Key, EntityType Type), LinkedEntity> byForm)
    {
        var text = new StringBuilder();
        foreach (var e in entities)
        {
            text.Append($"{e.Id} {e.Type} {e.Canonical} [{string.Join("|", e.Aliases)}] [{string.Join("|", e.AliasArticleCounts)}] ")
                .Append($"[{string.Join("|", e.Roles)}] [{string.Join("|", e.LinkReasons)}]\n");
        }
        foreach (var (form, entity) in byForm.OrderBy(p => p.Key.Key, StringComparer.Ordinal).ThenBy(p => p.Key.Type))
            text.Append($"{form.Key}/{form.Type} → {entity.Id}\n");
        return text.ToString();
    }
}
