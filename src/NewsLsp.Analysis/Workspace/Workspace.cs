namespace NewsLsp.Analysis;

/// <summary>
/// The current snapshot of a workspace. Changes are applied one at a time, in the order they are made; readers
/// take <see cref="Current"/> and work on that immutable snapshot however long they need.
/// </summary>
public sealed class Workspace
{
    private readonly object _gate = new();
    private WorkspaceSnapshot _current;

    public Workspace(AnalyzerCatalog? catalog = null, ProjectConfiguration? configuration = null) =>
        _current = WorkspaceSnapshot.Create(catalog, configuration);

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    public AnalysisCounters Counters => Current.Counters;

    /// <summary>Applies a change atomically. If <paramref name="change"/> throws, the workspace is unchanged.</summary>
    public WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> change)
    {
        lock (_gate)
        {
            var next = change(_current);
            Volatile.Write(ref _current, next);
            return next;
        }
    }
}
