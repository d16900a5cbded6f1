using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsLsp.Analysis;
using NewsLsp.LanguageServer.Documents;
using NewsLsp.LanguageServer.Tests.Infrastructure;
using static NewsLsp.LanguageServer.Tests.Infrastructure.DocumentSession;

namespace NewsLsp.LanguageServer.Tests;

/// <summary>
/// Articles opened over the protocol are prepared for their first keystrokes in the background
/// (<see cref="EditPreparer"/>): the quote matches among the other sources of their event are made ahead.
/// </summary>
public sealed class EditPreparerTests
{
    // Two sources of one statement; the invented place name keeps their facts apart from every other test's.
    private const string A = "Vertice di Zorvaglio sul gas e sui prezzi\nIl ministro Mario Rossi ha parlato martedì a Zorvaglio con i colleghi europei del prezzo del gas. " +
                             "“Abbiamo trovato a Zorvaglio un accordo importante sul prezzo del gas”, ha detto Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas sarà deciso a Zorvaglio dai ministri europei.";
    private const string B = "Gas, accordo a Zorvaglio sui prezzi\nA Zorvaglio il ministro Mario Rossi ha discusso martedì il prezzo del gas con i ministri europei. " +
                             "“Abbiamo trovato a Zorvaglio un accordo storico sul prezzo del gas”, ha dichiarato Rossi. Al vertice hanno partecipato 27 ministri europei.\n" +
                             "Il prezzo massimo del gas sarà deciso dai ministri europei a Zorvaglio.";
    private const string UriA = "file:///tmp/newslsp-tests/prepare/a.txt";
    private const string UriB = "file:///tmp/newslsp-tests/prepare/b.txt";

    [Fact]
    public async Task Opened_articles_are_prepared_in_the_background_and_a_changed_source_makes_the_preparation_stale()
    {
        EditPreparer? preparer = null;
        LanguageServerWorkspace? workspace = null;
        await using var client = new LspTestClient(configureServices: services => services.AddSingleton(sp =>
            preparer = new EditPreparer(workspace = sp.GetRequiredService<LanguageServerWorkspace>(), sp.GetRequiredService<Corpus.CorpusLoader>(),
                sp.GetRequiredService<ILogger<EditPreparer>>())));
        await client.InitializeAsync();
        await client.OpenAsync(UriA, A);
        await client.OpenAsync(UriB, B);
        await client.PullAsync(UriB); // both opens handled
        await preparer!.Idle;

        var (a, b) = (LanguageServerWorkspace.KeyOf(UriA), LanguageServerWorkspace.KeyOf(UriB));
        Assert.False(workspace!.Current.PrepareToEdit(a)); // prepared already
        Assert.False(workspace.Current.PrepareToEdit(b));

        // B's quotation changes: what was prepared for A (B's quotes) no longer holds, so A is prepared anew.
        var line = B.Split('\n')[1];
        var column = line.IndexOf("storico", StringComparison.Ordinal);
        await client.ChangeAsync(UriB, 2, Edit(1, column, 1, column + "storico".Length, "decisivo"));
        await client.PullAsync(UriB);
        Assert.True(workspace.Current.PrepareToEdit(a));
    }
}
