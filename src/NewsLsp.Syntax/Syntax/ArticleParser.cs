using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Text;

namespace NewsLsp.Syntax;

/// <summary>
/// Parses an article into blocks, one per non-blank line (LSP lines: CR, LF, CRLF; see <see cref="LineMap"/>). Given the previous syntax of the same document, every line whose text is
/// unchanged reuses its tokens and sentences; only touched lines are tokenised again.
/// </summary>
public static class ArticleParser
{
    /// <param name="tokenisedBlocks">Called once per line that had to be tokenised (not reused).</param>
    public static ArticleSyntax Parse(SourceText text, ArticleSyntax? previous = null, Action? tokenisedBlocks = null)
    {
        var reusable = previous is null ? null : IndexByText(previous);
        var blocks = ImmutableArray.CreateBuilder<Block>();
        var seenHeadline = false;
        var lines = LineMap.Of(text);
        var source = text.ToString(); // a string-backed text returns its own string: blocks slice it
        for (var l = 0; l < lines.Count; l++)
        {
            var span = lines.Span(l);
            if (span.IsEmpty) continue;
            var chars = source.AsSpan(span.Start, span.Length);
            if (chars.IsWhiteSpace()) continue;
            BlockContent content;
            if (reusable is not null && Reusable(reusable, chars) is { } known) content = known.MovedTo(source, span.Start);
            else
            {
                content = Analyse(source, span);
                tokenisedBlocks?.Invoke();
            }
            var kind = Classify(content, ref seenHeadline);
            blocks.Add(new Block(kind, span.Start, content));
        }
        return new ArticleSyntax(text, blocks.ToImmutable());
    }

    /// <summary>Tokens, sentences and image syntax of one line.</summary>
    public static BlockContent Analyse(string lineText) => Analyse(lineText, new TextSpan(0, lineText.Length));

    private static BlockContent Analyse(string source, TextSpan line)
    {
        var lineText = source.Substring(line.Start, line.Length); // transient: the scanners work on strings
        var image = ImageParser.TryParse(lineText);
        var tokens = Tokenizer.Tokenize(lineText);
        var sentences = image is null ? SentenceSplitter.Split(lineText, tokens) : ImmutableArray<Sentence>.Empty;
        return new BlockContent(source, line.Start, line.Length, tokens, sentences, image);
    }

    private static BlockKind Classify(BlockContent content, ref bool seenHeadline)
    {
        if (content.Image is not null) return BlockKind.Image;
        if (IsOther(content.Chars)) return BlockKind.Other;
        if (seenHeadline) return BlockKind.Paragraph;
        seenHeadline = true;
        return BlockKind.Headline;
    }

    private static bool IsOther(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("<!--")) return true;
        if (trimmed.StartsWith("```")) return true;
        // A thematic break: --- *** ___
        return trimmed.Length >= 3 && (trimmed.Trim('-').IsEmpty || trimmed.Trim('*').IsEmpty || trimmed.Trim('_').IsEmpty);
    }

    // The previous version's lines by a hash of their characters (no strings: the lines are slices).
    private static Dictionary<int, List<BlockContent>> IndexByText(ArticleSyntax previous)
    {
        var index = new Dictionary<int, List<BlockContent>>(previous.Blocks.Length);
        foreach (var block in previous.Blocks)
        {
            var hash = string.GetHashCode(block.Content.Chars);
            if (!index.TryGetValue(hash, out var list)) index[hash] = list = [];
            list.Add(block.Content);
        }
        return index;
    }

    private static BlockContent? Reusable(Dictionary<int, List<BlockContent>> index, ReadOnlySpan<char> line)
    {
        if (!index.TryGetValue(string.GetHashCode(line), out var candidates)) return null;
        foreach (var candidate in candidates) if (candidate.Chars.SequenceEqual(line)) return candidate;
        return null;
    }
}
