using System.Globalization;
using NewsLsp.Analysis.Entities;
using NewsLsp.Ide.Completion;
using NewsLsp.LanguageServer.Protocol;

namespace NewsLsp.LanguageServer.Handlers.Features;

/// <summary>
/// <c>textDocument/completion</c>: known entity names (canonical names and spellings) that start with the word
/// being typed (see <see cref="EntityCompletion"/>). Each item replaces the typed text (<c>textEdit</c>), is kinded
/// by entity type, and says its type (and canonical name, for another spelling) in <c>detail</c>.
/// </summary>
public sealed class CompletionHandler : LspRequestHandler<CompletionParams, CompletionList>, ICapabilityContributor
{
    public override string Method => "textDocument/completion";

    public override Task<CompletionList?> HandleAsync(CompletionParams @params, RequestContext context, CancellationToken cancellationToken)
    {
        if (FeatureContext.Locate(context, @params.TextDocument.Uri, @params.Position) is not var (key, article, position)) return Task.FromResult<CompletionList?>(null);
        var items = EntityCompletion.At(context.Snapshot, key, position, cancellationToken);
        return Task.FromResult<CompletionList?>(new CompletionList(false, [.. items.Select((item, rank) =>
        {
            var type = EntityTypes.DisplayName(item.Entity.Type);
            var usage = item.ArticleCount == 1 ? "1 article" : $"{item.ArticleCount.ToString(CultureInfo.InvariantCulture)} articles";
            return new CompletionItem(item.Text)
            {
                Kind = EntityKinds.Completion(item.Entity.Type),
                Detail = item.IsCanonical ? $"{type} ({usage})" : $"{type}: {item.Entity.Canonical} ({usage})",
                SortText = rank.ToString("D5", CultureInfo.InvariantCulture),
                TextEdit = new TextEdit(context.Positions.ToRange(article.Text, item.Replace), item.Text),
            };
        })]));
    }

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { ResolveProvider = false } };
}
