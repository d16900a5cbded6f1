using System.Collections.Immutable;
using System.Text;

namespace NewsLsp.Differential;

/// <summary>Where an edit starts. Positions are resolved against the text at the time the edit is applied.</summary>
public enum Anchor
{
    /// <summary>A fraction of the document length, aligned so it never splits a CRLF or a surrogate pair.</summary>
    Fraction,
    /// <summary>A fraction of the length, not aligned to surrogate pairs (an editor never does this; the engine must survive it).</summary>
    Raw,
    Start,
    End,
    /// <summary>Just after a quotation mark (the fraction picks which one).</summary>
    InsideQuote,
    /// <summary>Inside a capitalised word (the fraction picks which one).</summary>
    InsideName,
}

/// <summary>
/// One edit, described independently of the current text so that any subsequence of a failing sequence is still
/// valid (which is what lets the shrinker delete operations freely).
/// </summary>
public sealed record EditSpec(Anchor Anchor, double Position, int Length, string Insert, int Overshoot)
{
    public override string ToString() =>
        $"{Anchor}@{Position:0.###} del {Length} ins {Quote(Insert)}{(Overshoot > 0 ? $" overshoot {Overshoot}" : "")}";

    internal static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c == '"' || c == '\\') b.Append('\\').Append(c);
            else if (c < ' ' || c > '~') b.Append($"\\u{(int)c:X4}");
            else b.Append(c);
        }
        return b.Append('"').ToString();
    }
}

/// <summary>A change to the workspace (one LSP notification's worth), applied to the incremental snapshot and to the model.</summary>
public abstract record Operation(int Document);

/// <summary>Edits applied in order in one change (incremental sync), or as the whole new text (full sync).</summary>
public sealed record EditOperation(int Document, ImmutableArray<EditSpec> Edits, bool FullSync) : Operation(Document)
{
    public override string ToString() => $"edit doc{Document}{(FullSync ? " (full sync)" : "")}: {string.Join("; ", Edits)}";
}

/// <summary>Several edits, each its own revision, with nothing queried in between (fast typing: only the last revision is analysed).</summary>
public sealed record BurstOperation(int Document, ImmutableArray<EditSpec> Edits) : Operation(Document)
{
    public override string ToString() => $"burst doc{Document}: {string.Join("; ", Edits)}";
}

/// <summary>Replaces the whole document (select all + paste), or adds it when it is not open.</summary>
public sealed record ReplaceAllOperation(int Document, string Text) : Operation(Document)
{
    public override string ToString() => $"replace-all doc{Document} with {EditSpec.Quote(Text.Length > 60 ? Text[..60] + "…" : Text)} ({Text.Length} chars)";
}

/// <summary>Rewrites every line break of the document as CRLF (or LF).</summary>
public sealed record LineEndingsOperation(int Document, bool Crlf) : Operation(Document)
{
    public override string ToString() => $"line-endings doc{Document} {(Crlf ? "CRLF" : "LF")}";
}

public sealed record RemoveOperation(int Document) : Operation(Document)
{
    public override string ToString() => $"remove doc{Document}";
}

/// <summary>A new version with the same text.</summary>
public sealed record BumpVersionOperation(int Document) : Operation(Document)
{
    public override string ToString() => $"bump-version doc{Document}";
}

/// <summary>Queries an older snapshot again (a late request on a stale revision) and compares it with from-scratch analysis.</summary>
public sealed record RevisitOperation(int Back) : Operation(-1)
{
    public override string ToString() => $"revisit snapshot {Back} steps back";
}
