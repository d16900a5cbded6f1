namespace NewsLsp.Analysis;

/// <summary>Lets the database evaluate a corpus query whose type parameters it does not know.</summary>
internal interface ICorpusQueryInvoker
{
    object Invoke(WorkspaceSnapshot snapshot);
}
