using System.Collections.Immutable;
using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Tests.Agreement;

/// <summary>Number facts as comparable lines (id, claim, unit, agreement, every mention), for equality assertions.</summary>
internal static class NumberFactDescription
{
    public static List<string> Describe(ImmutableArray<NumberFact> facts) =>
        [.. facts.Select(f => $"{f.Id} {f.Claim} {f.Unit} {f.Agreement} " + string.Join(",", f.Mentions.Select(m => $"{m.Document.Value}#{m.Ordinal}:{m.Number.Text}")))];
}
