using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace NewsLsp.Syntax;

/// <summary>The syntax of one article: its lines as blocks, in order. Immutable.</summary>
public sealed class ArticleSyntax
{
    public ArticleSyntax(SourceText text, ImmutableArray<Block> blocks)
    {
        Text = text;
        Blocks = blocks;
    }

    public SourceText Text { get; }
    public ImmutableArray<Block> Blocks { get; }

    public Block? Headline => Blocks.FirstOrDefault(b => b.Kind == BlockKind.Headline);

    /// <summary>Prose blocks: the headline and paragraphs.</summary>
    public IEnumerable<Block> ProseBlocks => Blocks.Where(b => b.Kind is BlockKind.Headline or BlockKind.Paragraph);

    /// <summary>The block containing <paramref name="offset"/> (its end included), or null between blocks.</summary>
    public Block? FindBlock(int offset)
    {
        int lo = 0, hi = Blocks.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var block = Blocks[mid];
            if (offset < block.Start) hi = mid - 1;
            else if (offset > block.Start + block.Content.Length) lo = mid + 1;
            else return block;
        }
        return null;
    }

    /// <summary>The token at <paramref name="offset"/>, or the one ending there when none starts there.</summary>
    public (Block Block, int TokenIndex)? FindToken(int offset)
    {
        var block = FindBlock(offset);
        if (block is null) return null;
        var relative = offset - block.Start;
        var tokens = block.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (relative >= tokens[i].Start && relative < tokens[i].End) return (block, i);
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            if (relative == tokens[i].End) return (block, i);
        }
        return null;
    }
}
