using NewsLsp.Analysis.Entities;
using NewsLsp.Ide.Symbols;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/documentSymbol</c>: hierarchical symbols, one group per entity type (People, Places,
/// Organisations, Other names) with the article's entities under it, each at its defining mention in the article
/// (detail: type and mention count). A group's range spans its entities' ranges.
/// </summary>
public sealed class DocumentSymbolHandler : LspRequestHandler<DocumentSymbolParams, DocumentSymbol[]>, ICapabilityContributor
{
    public override string Method => "textDocument/documentSymbol";

    public override Task<DocumentSymbol[]?> HandleAsync(DocumentSymbolParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        var key = Documents.LanguageServerWorkspace.KeyOf(@params.TextDocument.Uri);
        if (context.Snapshot.GetArticle(key) is not { } article) return Task.FromResult<DocumentSymbol[]?>(null);
        var groups = DocumentEntitySymbols.Of(context.Snapshot, key);
        return Task.FromResult<DocumentSymbol[]?>([.. groups.Select(group =>
        {
            var children = group.Symbols.Select(s =>
            {
                var range = context.Positions.ToRange(article.Text, s.Location.Range);
                var mentions = s.MentionCount == 1 ? "1 mention" : $"{s.MentionCount} mentions";
                return new DocumentSymbol(s.Entity.Canonical, EntityKinds.Symbol(s.Entity.Type), range, range)
                {
                    Detail = $"{EntityTypes.DisplayName(s.Entity.Type)}, {mentions}",
                };
            }).ToList();
            var start = children.Select(c => c.Range.Start).MinBy(p => (p.Line, p.Character))!;
            var end = children.Select(c => c.Range.End).MaxBy(p => (p.Line, p.Character))!;
            return new DocumentSymbol(group.Title, SymbolKind.Package, new Range(start, end), children[0].SelectionRange)
            {
                Detail = group.Symbols.Length == 1 ? "1 entity" : $"{group.Symbols.Length} entities",
                Children = children,
            };
        })]);
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities with { DocumentSymbolProvider = true };
}
