namespace NewsLsp.LanguageServer.Server;

/// <summary>A service that must stop background work (timers, scans) when the session ends.</summary>
public interface IServerSessionListener
{
    Task OnStoppingAsync();
}
