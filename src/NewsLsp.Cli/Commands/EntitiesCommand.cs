using System.CommandLine;
using System.Text.Json;
using NewsLsp.Analysis;
using NewsLsp.Analysis.Entities;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>
/// <c>newslsp entities &lt;paths&gt;... [--format json|text] [--knowledge FILE]</c>: the corpus's entities, linked across
/// articles, with every mention. JSON contract:
/// <c>{"version":1,"entities":[{"id","type","canonical","aliases","roles","mentions":[{"path","start","end","text"}]}]}</c>,
/// start/end UTF-16 offsets into the file text (end exclusive), paths as given.
/// </summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var knowledge = new Option<string?>("--knowledge") { Description = "Entity knowledge file (default: nearest newslsp.knowledge.json)" };
        var config = new Option<string?>("--config") { Description = "Project configuration file (default: nearest newslsp.json)" };

        var command = new Command("entities", "List the entities of the articles, linked across sources, with their mentions") { paths, format, knowledge, config };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, result.GetValue(knowledge), result.GetValue(config)));
        return command;
    }

    private static int Run(string[] inputs, string format, string? knowledgePath, string? configPath)
    {
        ProjectConfiguration configuration;
        EntityKnowledge knowledge;
        try { (configuration, knowledge) = ConfigurationLoader.LoadProject(configPath, knowledgePath); }
        catch (ConfigurationException ex) { return CliErrors.Fail(ex.Message); }

        var corpus = LoadedCorpus.Load(inputs, configuration);
        foreach (var error in corpus.Errors) CliErrors.Report(error);
        var snapshot = corpus.Snapshot.WithKnowledge(knowledge);

        // Mentions are found per article in parallel; linking then reads the memoized results.
        Parallel.ForEach(snapshot.Documents, key => snapshot.GetRequiredArticle(key).Get(ArticleEntitySummary.Query));
        var report = EntityReport.Create(EntityIndex.For(snapshot));

        using (var stdout = Console.OpenStandardOutput())
        {
            if (format == "json")
            {
                JsonSerializer.Serialize(stdout, report, CliJson.Context.JsonEntitiesOutput);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false));
                foreach (var entity in report.Entities)
                {
                    writer.WriteLine($"{entity.Id} {entity.Type} “{entity.Canonical}” ({entity.Mentions.Count} mentions)");
                    if (entity.Aliases.Count > 1) writer.WriteLine($"  aliases: {string.Join(", ", entity.Aliases)}");
                    if (entity.Roles.Count > 0) writer.WriteLine($"  roles: {string.Join("; ", entity.Roles)}");
                }
            }
        }
        return corpus.Errors.Count > 0 ? CliErrors.UsageOrIoError : 0;
    }
}

/// <summary>The <c>entities</c> JSON document, built from an <see cref="EntityIndex"/>.</summary>
internal static class EntityReport
{
    public static JsonEntitiesOutput Create(EntityIndex index)
    {
        var entities = new List<JsonEntity>();
        foreach (var entity in index.Entities.Entities)
        {
            var mentions = index.MentionsOf(entity.Id);
            if (mentions.IsEmpty) continue;
            entities.Add(new JsonEntity(entity.Id, EntityTypes.Code(entity.Type), entity.Canonical, entity.Aliases, entity.Roles,
                [.. mentions.Select(m => new JsonMention(m.Document.Value, m.Span.Start, m.Span.End, m.Mention.Text))]));
        }
        return new JsonEntitiesOutput(1, entities);
    }
}

internal sealed record JsonEntitiesOutput(int Version, IReadOnlyList<JsonEntity> Entities);

internal sealed record JsonEntity(string Id, string Type, string Canonical, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, IReadOnlyList<JsonMention> Mentions);

internal sealed record JsonMention(string Path, int Start, int End, string Text);
