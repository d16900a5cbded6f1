using System.CommandLine;
using System.Text.Json;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Agreement;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>
/// <c>newslsp facts &lt;paths&gt;... --format json</c>: the events, quote groups and numeric facts across the articles,
/// as the documented JSON contract (UTF-16 offsets, end exclusive; paths as given). Exit code 2 on usage or I/O errors.
/// </summary>
internal static class FactsCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var config = new Option<string?>("--config") { Description = "Project configuration file (default: nearest newslsp.json)" };
        var command = new Command("facts", "Print the events, quotes and numbers shared across sources") { paths, format, config };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(config)));
        return command;
    }

    private static int Run(string[] inputs, string? configPath)
    {
        ProjectConfiguration configuration;
        NewsLsp.Analysis.Entities.EntityKnowledge knowledge;
        // Speakers are entity ids: link with the same knowledge file `newslsp entities` uses.
        try { (configuration, knowledge) = ConfigurationLoader.LoadProject(configPath, knowledgePath: null); }
        catch (ConfigurationException ex) { return CliErrors.Fail(ex.Message); }
        var corpus = LoadedCorpus.Load(inputs, configuration);
        foreach (var error in corpus.Errors) CliErrors.Report(error);
        var snapshot = corpus.Snapshot.WithKnowledge(knowledge);
        var index = snapshot.Get(AgreementQuery.Instance);
        using (var stdout = Console.OpenStandardOutput())
        {
            JsonSerializer.Serialize(stdout, ToJson(snapshot, index, EntitySpeakerIdentity.For(snapshot)), CliJson.Context.JsonFactsOutput);
            stdout.WriteByte((byte)'\n');
        }
        return corpus.Errors.Count > 0 ? 2 : 0;
    }

    /// <summary>The index as JSON; positions are those of the quotes and numbers in <paramref name="snapshot"/>'s texts.</summary>
    public static JsonFactsOutput ToJson(WorkspaceSnapshot snapshot, AgreementIndex index, ISpeakerIdentity speakers) => new(1,
        [.. index.Events.Select(e => new JsonEvent(e.Id, [.. e.Documents.Select(d => d.Value)]))],
        [.. index.QuoteGroups.Select(g => new JsonQuoteGroup(g.Id, g.EventId, SpeakerIds.Of(g, speakers), Name(g.Agreement),
            [.. g.Variants.Select(v => (Variant: v, Span: v.SpanIn(snapshot))).Select(v => new JsonQuoteVariant(v.Variant.Document.Value, v.Span.Start, v.Span.End, v.Variant.Quote.Text))]))],
        [.. index.NumberFacts.Select(f => new JsonNumberFact(f.Id, f.EventId, f.Claim, UnitName(f), Name(f.Agreement),
            [.. f.Mentions.Select(m => (Mention: m, Span: m.SpanIn(snapshot))).Select(m => new JsonNumberMention(m.Mention.Document.Value, m.Span.Start, m.Span.End, m.Mention.Number.Text, Value(m.Mention.Number)))]))]);

    private static JsonElement Value(NumberMention number) => number.Value is { } v
        ? JsonSerializer.SerializeToElement(v, CliJson.Context.Double)
        : JsonSerializer.SerializeToElement(number.Label ?? "", CliJson.Context.String);

    private static string UnitName(NumberFact fact) => fact.Unit switch
    {
        NumberUnit.Money => fact.Mentions[0].Number.Head ?? "money",
        NumberUnit.Duration => fact.Mentions[0].Number.Head ?? "duration",
        _ => fact.Unit.ToString().ToLowerInvariant(),
    };

    private static string Name(QuoteAgreement agreement) => agreement switch
    {
        QuoteAgreement.Identical => "identical",
        QuoteAgreement.Variant => "variant",
        _ => "single-source",
    };

    private static string Name(NumberAgreement agreement) => agreement switch
    {
        NumberAgreement.Agree => "agree",
        NumberAgreement.Conflict => "conflict",
        _ => "single-source",
    };
}

internal sealed record JsonFactsOutput(int Version, IReadOnlyList<JsonEvent> Events, IReadOnlyList<JsonQuoteGroup> Quotes, IReadOnlyList<JsonNumberFact> Numbers);

internal sealed record JsonEvent(string Id, IReadOnlyList<string> Paths);

internal sealed record JsonQuoteGroup(string Id, string Event, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Speaker, string Agreement, IReadOnlyList<JsonQuoteVariant> Variants);

internal sealed record JsonQuoteVariant(string Path, int Start, int End, string Text);

internal sealed record JsonNumberFact(string Id, string Event, string Claim, string Unit, string Agreement, IReadOnlyList<JsonNumberMention> Mentions);

internal sealed record JsonNumberMention(string Path, int Start, int End, string Text, JsonElement Value);
