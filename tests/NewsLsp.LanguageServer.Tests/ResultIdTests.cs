using System.Security.Cryptography;
using System.Text.Json;
using NewsLsp.LanguageServer.Diagnostics;
using NewsLsp.LanguageServer.Protocol;
using Xunit;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>The result id is hashed while the diagnostics are serialized; it must be the hash of exactly their JSON.</summary>
public sealed class ResultIdTests
{
    private static List<Diagnostic> Diagnostics(int count, string word) =>
        [.. Enumerable.Range(0, count).Select(i => new Diagnostic(new Protocol.Range(new Position(i, 0), new Position(i, 5)), $"“{word}” conflicts with “{i}” in file:///a/b/articolo-{i:000}.txt 😀")
        {
            Code = "NEWS021",
            Source = DiagnosticConverter.Source,
            RelatedInformation = [new DiagnosticRelatedInformation(new Location($"file:///a/b/articolo-{i:000}.txt", new Protocol.Range(new Position(0, 1), new Position(0, 3))), "this source gives 27")],
        })];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2_000)]   // about 600 KB of JSON: many chunks of the hashing writer
    public void Is_the_hash_of_the_serialized_diagnostics(int count)
    {
        var diagnostics = Diagnostics(count, "ventisette");
        var json = JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<Diagnostic>>(diagnostics, LspJsonContext.Default.IReadOnlyListDiagnostic);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(json), 0, 12), DiagnosticConverter.ResultId(diagnostics));
    }

    [Fact]
    public void Differs_when_a_late_diagnostic_differs()
    {
        var diagnostics = Diagnostics(2_000, "ventisette");
        var changed = diagnostics.ToList();
        changed[^1] = changed[^1] with { Message = changed[^1].Message + "!" };
        Assert.NotEqual(DiagnosticConverter.ResultId(diagnostics), DiagnosticConverter.ResultId(changed));
    }
}
