using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Protocol;
using NewsLsp.LanguageServer.Server;
using NewsLsp.ProjectSystem;
using LspDiagnostic = NewsLsp.LanguageServer.Protocol.Diagnostic;

namespace NewsLsp.LanguageServer.Diagnostics;

/// <summary>Turns the engine's <see cref="ArticleDiagnostic"/>s into LSP diagnostics in the negotiated position encoding.</summary>
public sealed class DiagnosticConverter(ServerState state, Documents.LanguageServerWorkspace workspace)
{
    public const string Source = "newslsp";

    public IReadOnlyList<LspDiagnostic> Convert(WorkspaceSnapshot snapshot, DocumentKey key)
    {
        var article = snapshot.GetArticle(key);
        if (article is null) return [];
        var result = new List<LspDiagnostic>();
        foreach (var diagnostic in snapshot.GetDiagnostics(key)) result.Add(Convert(snapshot, article, diagnostic));
        return result;
    }

    /// <summary>One diagnostic of <paramref name="article"/>, exactly as it is published (code actions quote it).</summary>
    public LspDiagnostic Convert(WorkspaceSnapshot snapshot, ArticleState article, ArticleDiagnostic diagnostic)
    {
        var positions = new PositionConverter(state.PositionEncoding);
        var relatedSupported = state.ClientCapabilities.TextDocument?.PublishDiagnostics?.RelatedInformation != false;
        return new LspDiagnostic(positions.ToRange(article.Text, diagnostic.Range), diagnostic.Message)
        {
            Severity = ToLsp(diagnostic.Severity),
            Code = diagnostic.Id,
            CodeDescription = new CodeDescription(RuleHelp.Link(diagnostic.Descriptor)),
            Source = Source,
            RelatedInformation = relatedSupported ? Related(snapshot, diagnostic.Related, positions) : null,
        };
    }

    /// <summary>A stable id for a list of diagnostics: equal content, equal id (used for pull resultIds and to skip unchanged pushes).</summary>
    public static string ResultId(IReadOnlyList<LspDiagnostic> diagnostics)
    {
        // Hashed as it is serialized: the JSON itself is never held (see HashingBufferWriter). The hash and its buffer
        // are this thread's, reused: creating a hash context per pull was most of the cost of an unchanged answer.
        var hashing = ResultHashing ??= new HashingBufferWriter(IncrementalHash.CreateHash(HashAlgorithmName.SHA256));
        try
        {
            using (var writer = new Utf8JsonWriter(hashing))
                JsonSerializer.Serialize(writer, diagnostics, LspJsonContext.Default.IReadOnlyListDiagnostic);
        }
        catch
        {
            ResultHashing = null; // holds part of a list: the next id starts from a fresh hash
            throw;
        }
        return System.Convert.ToHexString(hashing.HashAndReset(), 0, 12);
    }

    [ThreadStatic] private static HashingBufferWriter? ResultHashing;

    private IReadOnlyList<DiagnosticRelatedInformation>? Related(WorkspaceSnapshot snapshot, ImmutableArray<RelatedLocation> related, PositionConverter positions)
    {
        if (related.IsDefaultOrEmpty) return null;
        var result = new List<DiagnosticRelatedInformation>();
        foreach (var location in related)
        {
            // The related document may have gone in this snapshot; a dangling location is worse than none.
            if (snapshot.GetArticle(location.Document) is not { } other) continue;
            result.Add(new DiagnosticRelatedInformation(new Location(workspace.ClientUri(location.Document), positions.ToRange(other.Text, location.Range)), location.Message));
        }
        return result.Count == 0 ? null : result;
    }

    private static DiagnosticSeverity ToLsp(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Information => DiagnosticSeverity.Information,
        _ => DiagnosticSeverity.Hint,
    };
}
