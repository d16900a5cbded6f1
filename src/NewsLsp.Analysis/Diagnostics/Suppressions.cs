using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsLsp.Syntax;
using NewsLsp.Text;

namespace NewsLsp.Analysis;

/// <summary>
/// Inline suppressions, written as HTML comments so that rendered Markdown does not show them:
/// <c>&lt;!-- newslsp-disable NEWS001 --&gt;</c> … <c>&lt;!-- newslsp-enable NEWS001 --&gt;</c> for a region,
/// <c>&lt;!-- newslsp-disable-next-line NEWS001 --&gt;</c> for the next line and
/// <c>&lt;!-- newslsp-disable-line NEWS001 --&gt;</c> for its own line. No ids means every rule.
/// </summary>
public sealed partial class Suppressions
{
    private readonly ImmutableArray<Range> _ranges;

    private readonly record struct Range(int FromLine, int ToLine, ImmutableHashSet<string>? Ids);

    private Suppressions(ImmutableArray<Range> ranges) => _ranges = ranges;

    public static readonly ArticleQuery<Suppressions> Query = new FunctionArticleQuery<Suppressions>("suppressions", a => Parse(a.Syntax));

    [GeneratedRegex(@"<!--\s*newslsp-(?<verb>disable-next-line|disable-line|disable|enable)\b(?<ids>[^>]*?)-->")]
    private static partial Regex Directive();

    public bool IsSuppressed(string ruleId, int line) =>
        _ranges.Any(r => line >= r.FromLine && line <= r.ToLine && (r.Ids is null || r.Ids.Contains(ruleId)));

    public static Suppressions Parse(ArticleSyntax syntax)
    {
        var ranges = ImmutableArray.CreateBuilder<Range>();
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // id ("*" for all) → first line
        var lines = LineMap.Of(syntax.Text);
        var blocks = syntax.Blocks;
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            if (block.Chars.IndexOf("newslsp-", StringComparison.Ordinal) < 0) continue;
            var line = lines.LineOf(block.Start);
            foreach (Match match in Directive().Matches(block.Content.ToString())) // only lines with a directive
            {
                var ids = ParseIds(match.Groups["ids"].Value);
                switch (match.Groups["verb"].Value)
                {
                    case "disable-line":
                        ranges.Add(new Range(line, line, ids));
                        break;
                    case "disable-next-line":
                        var next = b + 1 < blocks.Length ? lines.LineOf(blocks[b + 1].Start) : line + 1;
                        ranges.Add(new Range(next, next, ids));
                        break;
                    case "disable":
                        foreach (var id in ids ?? ["*"]) open.TryAdd(id, line);
                        break;
                    case "enable":
                        foreach (var id in ids ?? open.Keys.ToImmutableHashSet())
                        {
                            if (open.Remove(id, out var from))
                                ranges.Add(new Range(from, line, id == "*" ? null : [id]));
                        }
                        break;
                }
            }
        }
        foreach (var (id, from) in open) ranges.Add(new Range(from, int.MaxValue, id == "*" ? null : [id]));
        return new Suppressions(ranges.ToImmutable());
    }

    private static ImmutableHashSet<string>? ParseIds(string text)
    {
        var ids = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return ids.Length == 0 ? null : ids.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
