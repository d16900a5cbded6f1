using Microsoft.Extensions.Logging;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Server;

namespace NewsLsp.LanguageServer.Documents;

/// <summary>
/// Prepares each article the editor opens for its first keystrokes (<see cref="EditPreparation"/>), in the background,
/// one article after another: with its memos filled, its event's other sources matched among themselves (with their
/// answers for its segments and figures) and the groups around it summed ahead, an article's first keystroke costs
/// about what the next ones do instead of several times as much (figures in docs/performance.md). Once per opening; a preparation that no longer holds when the keystroke comes (the article moved to
/// another event, another source changed its quotes) is not used, and nothing else changes. Preparing never blocks a
/// request: the handlers only note which documents were opened.
/// </summary>
public sealed class EditPreparer : IServerSessionListener
{
    private readonly LanguageServerWorkspace workspace;
    private readonly Corpus.CorpusLoader corpus;
    private readonly ILogger<EditPreparer> logger;
    private readonly HashSet<string> prepared = new(StringComparer.Ordinal); // open documents prepared or queued
    private readonly CancellationTokenSource stopping = new();
    private Task queue = Task.CompletedTask; // preparations, one after another on the thread pool

    public EditPreparer(LanguageServerWorkspace workspace, Corpus.CorpusLoader corpus, ILogger<EditPreparer> logger)
    {
        this.workspace = workspace;
        this.corpus = corpus;
        this.logger = logger;
        workspace.Changed += OnChanged;
    }

    /// <summary>Preparations queued or running, done (observability for tests).</summary>
    public Task Idle { get { lock (prepared) return queue; } }

    private void OnChanged(IReadOnlyCollection<string> edited)
    {
        lock (prepared)
        {
            prepared.RemoveWhere(uri => !workspace.IsOpen(uri)); // closed: prepared again when reopened
            var opened = edited.Where(uri => workspace.IsOpen(uri) && prepared.Add(uri)).ToList();
            if (opened.Count == 0 || stopping.IsCancellationRequested) return;
            var previous = queue;
            queue = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false); // never faults: Prepare logs what fails
                // Against the whole workspace: an article opened before the folders were read would be prepared for
                // the part of its event that was open.
                try { await corpus.IdleAsync().ConfigureAwait(false); }
                catch (Exception ex) { logger.LogDebug(ex, "Preparing after a failed folder scan"); }
                Prepare(opened);
            });
        }
    }

    private void Prepare(List<string> uris)
    {
        foreach (var uri in uris)
        {
            if (stopping.IsCancellationRequested) return;
            try
            {
                if (workspace.Current.PrepareToEdit(new DocumentKey(uri))) logger.LogDebug("Prepared {Uri} for editing", uri);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Preparing {Uri} for editing failed; its first keystrokes compute what it lacks", uri);
            }
        }
    }

    // Cancelled between articles; one under way is waited for briefly, never for long: preparing the first article of a
    // large workspace may compute its whole agreement index, and the exit must not hang on work nobody will read.
    public async Task OnStoppingAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(Idle, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
    }
}
