using NewsLsp.Analysis;
using NewsLsp.ProjectSystem;

namespace NewsLsp.Cli;

/// <summary>Finds the project configuration for a command: --config if given, else the nearest newslsp.json upward from the current folder.</summary>
internal static class ConfigurationLoader
{
    public static ProjectConfiguration Load(string? explicitPath)
    {
        if (explicitPath is not null) return ProjectConfigurationFile.Load(explicitPath);
        var found = ProjectConfigurationFile.Find(Directory.GetCurrentDirectory());
        return found is null ? ProjectConfiguration.Default : ProjectConfigurationFile.Load(found);
    }

    /// <summary>The entity knowledge: the given file, else the nearest newslsp.knowledge.json upward, else none.</summary>
    public static NewsLsp.Analysis.Entities.EntityKnowledge LoadKnowledge(string? explicitPath)
    {
        var path = explicitPath ?? KnowledgeFile.Find(Directory.GetCurrentDirectory());
        return path is null ? NewsLsp.Analysis.Entities.EntityKnowledge.Empty : KnowledgeFile.Load(path);
    }

    /// <summary>Both project files a command reads; throws <see cref="ConfigurationException"/> naming the file and the problem.</summary>
    public static (ProjectConfiguration Configuration, NewsLsp.Analysis.Entities.EntityKnowledge Knowledge) LoadProject(string? configPath, string? knowledgePath) =>
        (Load(configPath), LoadKnowledge(knowledgePath));
}
