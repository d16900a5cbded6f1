using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis.Entities;

namespace NewsLsp.Analysis;

/// <summary>
/// NEWS011: this article spells an entity one way, and more of the other articles spell it another way ("Kyiv" here,
/// "Kiev" in most sources). Counted in articles, so one long article does not outvote the others. When the article
/// itself mixes spellings, NEWS010 reports that instead. Quick fix: the corpus's spelling.
/// </summary>
public sealed class EntitySpellingInCorpusAnalyzer : CorpusAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "NEWS011", "Entity spelled differently from the other sources", "'{0}' is spelled '{1}' in {2} of the other articles", "Entities", Severity.Information);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors => [Rule];

    public override void Analyze(CorpusAnalysisContext context)
    {
        var linked = context.GetArticleScopedFact(EntityLinkingQuery.For(context.Knowledge));
        foreach (var (entity, articleWords, articleFolded) in EntityWordsInArticle.Of(context.Article, linked))
        {
            var corpusWords = AliasWords(entity);
            for (var s = 0; s < articleWords.Length; s++)
            {
                var spelling = articleWords[s].Word;
                if (UsedBefore(articleWords, s)) continue; // each spelling once, at its first use
                var folded = articleFolded[s];
                if (SpelledOtherwiseInArticle(spelling, folded, articleWords, articleFolded)) continue; // NEWS010's business
                if (!HasVariant(corpusWords, spelling, folded)) continue; // the common case, decided without grouping
                ReportIfOutvoted(context, spelling, folded, articleWords, corpusWords);
            }
        }
    }

    // A method of its own: its lambdas capture the spelling, and in the loop they made a closure for every word.
    private static void ReportIfOutvoted(CorpusAnalysisContext context, string spelling, string folded,
        ImmutableArray<SpellingVariants.MentionWord> articleWords, AliasWord[] corpusWords)
    {
        var variants = corpusWords.Where(c => c.Word != spelling && NameForms.SameFoldedWord(c.Folded, folded))
            .GroupBy(c => c.Word, StringComparer.Ordinal)
            .Select(g => (Word: g.Key, Articles: g.Max(c => c.Articles))).OrderByDescending(v => v.Articles).ToList();
        if (variants.Count == 0) return;
        var own = corpusWords.Where(c => c.Word == spelling).Select(c => c.Articles).DefaultIfEmpty(1).Max();
        var best = variants[0];
        // A strict majority of articles, this one included: two sources that disagree one to one are not reported.
        if (best.Articles <= own) return;
        var uses = articleWords.Where(w => w.Word == spelling).ToList();
        var edits = uses.Select(w => new ReportedEdit(context.Document, new TextSpan(w.Offset, w.Word.Length), best.Word)).ToImmutableArray();
        // Reported once, at the first use; the fix respells every use in the article.
        context.Report(Rule, new TextSpan(uses[0].Offset, spelling.Length), Rule.FormatMessage(spelling, best.Word, best.Articles), [],
            [new ReportedFix($"Use '{best.Word}' as the other sources do", edits, IsPreferred: true)]);
    }

    // The article itself writes this word another way too (the same word, another spelling).
    private static bool SpelledOtherwiseInArticle(string spelling, string folded, ImmutableArray<SpellingVariants.MentionWord> articleWords, ImmutableArray<string> articleFolded)
    {
        for (var i = 0; i < articleWords.Length; i++)
        {
            if (articleWords[i].Word != spelling && NameForms.SameFoldedWord(articleFolded[i], folded)) return true;
        }
        return false;
    }

    private static bool UsedBefore(ImmutableArray<SpellingVariants.MentionWord> words, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (words[i].Word == words[index].Word) return true;
        }
        return false;
    }

    // Some alias of the entity writes this word another way.
    private static bool HasVariant(AliasWord[] corpusWords, string spelling, string folded)
    {
        foreach (var c in corpusWords)
        {
            if (c.Word != spelling && NameForms.SameFoldedWord(c.Folded, folded)) return true;
        }
        return false;
    }

    /// <summary>A word of one of the entity's aliases, folded, with how many articles use that alias.</summary>
    private readonly record struct AliasWord(string Word, string Folded, int Articles);

    // Every article that mentions an entity compares against all the words of all its aliases: split and fold them
    // once per linked entity, not once per article (a much-cited name has many aliases and hundreds of articles).
    // Keyed on the entity instance, so a new linking result starts afresh and an old one is collected with it.
    private static readonly ConditionalWeakTable<LinkedEntity, AliasWord[]> AliasWordsByEntity = new();

    private static AliasWord[] AliasWords(LinkedEntity entity) => AliasWordsByEntity.GetValue(entity, static entity =>
        entity.Aliases.SelectMany(alias => NameForms.Words(alias).Select(w => new AliasWord(w, NameForms.Fold(w), entity.ArticlesUsing(alias)))).ToArray());
}
