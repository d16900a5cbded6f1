namespace NewsLsp.LanguageServer.Server;

public enum LifecyclePhase
{
    /// <summary>Before <c>initialize</c>: requests get ServerNotInitialized, notifications are dropped (exit excepted).</summary>
    Uninitialized,
    /// <summary>After <c>initialize</c> arrived: everything is served.</summary>
    Running,
    /// <summary>After <c>shutdown</c>: requests get InvalidRequest; only <c>exit</c> is acted on.</summary>
    ShuttingDown,
}

/// <summary>The LSP lifecycle, advanced on the reader loop as messages arrive so gating follows arrival order.</summary>
public sealed class LifecycleState
{
    private int phase;

    public LifecyclePhase Phase => (LifecyclePhase)Volatile.Read(ref phase);

    /// <summary>False when initialize was already received (a second one is an InvalidRequest).</summary>
    public bool TryBeginInitialize() =>
        Interlocked.CompareExchange(ref phase, (int)LifecyclePhase.Running, (int)LifecyclePhase.Uninitialized) == (int)LifecyclePhase.Uninitialized;

    public void BeginShutdown() => Volatile.Write(ref phase, (int)LifecyclePhase.ShuttingDown);
}
