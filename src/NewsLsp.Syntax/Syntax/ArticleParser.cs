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
        for (var l = 0; l < lines.Count; l++)
        {
            var span = lines.Span(l);
            if (span.IsEmpty) continue;
            var lineText = text.ToString(span);
            if (string.IsNullOrWhiteSpace(lineText)) continue;
            if (reusable is null || !reusable.TryGetValue(lineText, out var content))
            {
                content = Analyse(lineText);
                tokenisedBlocks?.Invoke();
            }
            var kind = Classify(content, ref seenHeadline);
            blocks.Add(new Block(kind, span.Start, content));
        }
        return new ArticleSyntax(text, blocks.ToImmutable());
    }

    /// <summary>Tokens, sentences and image syntax of one line.</summary>
    public static BlockContent Analyse(string lineText)
    {
        var image = ImageParser.TryParse(lineText);
        var tokens = Tokenizer.Tokenize(lineText);
        var sentences = image is null ? SentenceSplitter.Split(lineText, tokens) : ImmutableArray<Sentence>.Empty;
        return new BlockContent(lineText, tokens, sentences, image);
    }

    private static BlockKind Classify(BlockContent content, ref bool seenHeadline)
    {
        if (content.Image is not null) return BlockKind.Image;
        if (IsOther(content.Text)) return BlockKind.Other;
        if (seenHeadline) return BlockKind.Paragraph;
        seenHeadline = true;
        return BlockKind.Headline;
    }

    private static bool IsOther(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.StartsWith("<!--")) return true;
        if (trimmed.StartsWith("```")) return true;
        // A thematic break: --- *** ___
        return trimmed.Length >= 3 && (trimmed.Trim('-').IsEmpty || trimmed.Trim('*').IsEmpty || trimmed.Trim('_').IsEmpty);
    }

    private static Dictionary<string, BlockContent> IndexByText(ArticleSyntax previous)
    {
        var index = new Dictionary<string, BlockContent>(previous.Blocks.Length, StringComparer.Ordinal);
        foreach (var block in previous.Blocks) index.TryAdd(block.Text, block.Content);
        return index;
    }
}
