using NewsLsp.Analysis.Agreement;

namespace NewsLsp.Analysis;

/// <summary>
/// Work done ahead for an article about to be edited, so that its first keystroke costs about what the next ones do.
/// At 10,000 articles the first keystroke in an article took tens of ms against 2–4 for the next ones: its sentences
/// and lines were not in the per-sentence and per-line memos yet (an unedited article does not fill them), the other
/// sources of its event had not been matched among themselves, and the groups around it in event clustering had not
/// been summed; and the first hover or colouring request of a session joined every article's mentions by entity. The
/// language server calls this in the background when an article is opened. It changes no result: memos are keyed on
/// content, and prepared matches are taken only where they still hold.
/// </summary>
public static class EditPreparation
{
    /// <summary>
    /// Prepares <paramref name="document"/>'s edits against this snapshot; false when its event had nothing to prepare
    /// (the entity join, which is the whole snapshot's, is not counted).
    /// </summary>
    public static bool PrepareToEdit(this WorkspaceSnapshot snapshot, DocumentKey document)
    {
        if (!snapshot.Contains(document)) return false;
        // Its own analysis as an edited article's, which fills the memos (results dropped: they equal the real ones).
        var asEdited = snapshot.GetRequiredArticle(document).AsEdited();
        asEdited.Get(ArticleFacts.Query);
        asEdited.Get(Entities.ArticleEntityMentions.Query);
        asEdited.Get(snapshot.LocalDiagnosticsQuery);
        // The corpus-wide join by entity that hovers, references and colouring read: built once here (about a second at
        // 10,000 articles), each later snapshot's is derived from it in milliseconds.
        Entities.EntityIndex.For(snapshot).PrepareJoin();
        var index = snapshot.Get(AgreementQuery.Instance);
        return index.PrepareToEdit(document, d => snapshot.GetRequiredArticle(d).Get(ArticleFacts.Query));
    }
}
