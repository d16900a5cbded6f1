using System.Collections.Concurrent;
using NewsLsp.Analysis;

namespace NewsLsp.ProjectSystem;

/// <summary>
/// Finds the rule pages (docs/rules/NEWSnnn.md). They are copied beside the executable at build time, so an
/// installed tool and a repository build both link to a page that exists on this machine.
/// </summary>
public static class RuleHelp
{
    private static readonly Lazy<string?> DocsRoot = new(FindDocsRoot);
    // Each rule's link, made once: the server converts every diagnostic of the edited article on every keystroke,
    // and a file-system check and a URI per diagnostic were 2-3 % of a keystroke's CPU.
    private static readonly ConcurrentDictionary<string, string> Links = new(StringComparer.Ordinal);

    /// <summary>The page's full path, or null when the pages are not installed.</summary>
    public static string? PagePath(DiagnosticDescriptor descriptor)
    {
        if (DocsRoot.Value is not { } root) return null;
        var path = Path.Combine(root, descriptor.HelpPath);
        return File.Exists(path) ? path : null;
    }

    /// <summary>A link to the page: a file URI when installed, else the repository-relative path.</summary>
    public static string Link(DiagnosticDescriptor descriptor) =>
        Links.GetOrAdd(descriptor.HelpPath, static (_, rule) => PagePath(rule) is { } path ? new Uri(path).AbsoluteUri : rule.HelpPath, descriptor);

    private static string? FindDocsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "docs", "rules"))) return dir.FullName;
        }
        return null;
    }
}
