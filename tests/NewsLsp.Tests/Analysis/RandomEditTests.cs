using System.Text;
using Microsoft.CodeAnalysis.Text;
using NewsLsp.Analysis;
using NewsLsp.Syntax;
using NewsLsp.Text;
using Xunit;

namespace NewsLsp.Tests.Analysis;

/// <summary>
/// Applies random edits incrementally and checks, after every step, that syntax and diagnostics equal a
/// from-scratch analysis of the same text. Deterministic: a failure prints the seed and step to replay.
/// </summary>
public class RandomEditTests
{
    private static readonly string[] Fragments =
    [
        "Zelensky", " ha detto ", "“", "”", "«", "»", "\"", "dell’", "l'", "Kyiv", "5.000", "1,5", ". ", "! ", "\n", "\r\n",
        "😀", "𝔸", "é", "![Immagine](a.jpg)\n", "Iscriviti alla newsletter gratis\n", "<!-- newslsp-disable-next-line NEWS001 -->\n",
        "<!-- newslsp-disable -->", "sig. ", " ", "Trump-Putin", ":", ",", "…",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Incremental_analysis_equals_from_scratch_after_every_edit(int seed)
    {
        var random = new Random(seed);
        var seedText = File.ReadAllText(Repo.SeedFiles[seed % Repo.SeedFiles.Count]);
        var key = new DocumentKey("doc.txt");
        var other = new DocumentKey("other.txt");
        var snapshot = WorkspaceSnapshot.Create()
            .WithDocumentText(key, SourceText.From(seedText))
            .WithDocumentText(other, SourceText.From(File.ReadAllText(Repo.SeedFiles[0])));
        var shadow = seedText;

        for (var step = 0; step < 400; step++)
        {
            var (edit, expected) = RandomEdit(random, snapshot.GetRequiredArticle(key).Text, shadow);
            snapshot = edit is null
                ? snapshot.WithDocumentText(key, SourceText.From(expected), step)
                : snapshot.WithDocumentEdits(key, [edit.Value], step);
            shadow = expected;

            var incremental = snapshot.GetRequiredArticle(key);
            Assert.True(incremental.Text.ToString() == shadow, $"seed {seed} step {step}: text differs");
            var fresh = WorkspaceSnapshot.Create()
                .WithDocumentText(key, SourceText.From(shadow))
                .WithDocumentText(other, snapshot.GetRequiredArticle(other).Text);
            Assert.True(Describe(incremental.Syntax) == Describe(fresh.GetRequiredArticle(key).Syntax), $"seed {seed} step {step}: syntax differs");
            Assert.True(Describe(snapshot.GetDiagnostics(key)) == Describe(fresh.GetDiagnostics(key)), $"seed {seed} step {step}: diagnostics differ");
        }
    }

    private static (TextEdit? Edit, string Result) RandomEdit(Random random, SourceText text, string shadow)
    {
        var kind = random.Next(20);
        if (kind == 0) return (null, random.Next(3) == 0 ? "" : shadow + "\nNuovo paragrafo.");   // whole-document replace
        var start = PositionIn(random, shadow);
        var end = kind < 8 ? start : Math.Min(shadow.Length, start + random.Next(0, 40));
        // Never split a surrogate pair or a CRLF: editors do not, and the LSP cannot express it in UTF-16 anyway.
        start = Align(shadow, start);
        end = Math.Max(start, Align(shadow, end));
        var insert = kind < 14 ? Fragments[random.Next(Fragments.Length)] : "";
        if (kind == 19) { start = 0; end = 0; }
        if (kind == 18) { start = end = shadow.Length; }
        var range = new LinePositionSpan(text.Lines.GetLinePosition(start), text.Lines.GetLinePosition(end));
        return (new TextEdit(range, insert), shadow[..start] + insert + shadow[end..]);
    }

    private static int PositionIn(Random random, string text) => text.Length == 0 ? 0 : random.Next(text.Length + 1);

    private static int Align(string text, int offset)
    {
        if (offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])) return offset - 1;
        if (offset > 0 && offset < text.Length && text[offset] == '\n' && text[offset - 1] == '\r') return offset - 1;
        return offset;
    }

    private static string Describe(ArticleSyntax syntax)
    {
        var builder = new StringBuilder();
        foreach (var block in syntax.Blocks)
        {
            builder.Append(block.Kind).Append('@').Append(block.Start).Append(':');
            foreach (var token in block.Tokens) builder.Append(token.Start).Append(',').Append(token.Length).Append(token.Kind).Append(' ');
            foreach (var sentence in block.Sentences) builder.Append('|').Append(sentence.Span);
            builder.Append('\n');
        }
        return builder.ToString();
    }

    private static string Describe(IEnumerable<ArticleDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Span} {d.Range} {d.Severity} {d.Message} {d.Fixes.Length}"));
}
