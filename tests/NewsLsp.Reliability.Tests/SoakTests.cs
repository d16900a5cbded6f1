using NewsLsp.Soak;
using Xunit;
using Xunit.Abstractions;

namespace NewsLsp.Reliability.Tests;

/// <summary>
/// The CI variant of tools/NewsLsp.Soak: 15 s of edits across 60 open articles against the real server process
/// (longer, up to 60 s, until 1,500 edits were sent when the machine is busy),
/// the server's text checked through pull diagnostics, VmRSS sampled every second. The long run and its strict
/// memory-slope criterion are documented in docs/reliability.md.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    /// <summary>
    /// Growth allowed over the short run. 15 s are too short for a meaningful slope (the GC has not settled), so CI
    /// bounds the growth instead; it catches a runaway leak (megabytes per edit), the long run the slow ones.
    /// </summary>
    private const double MaxGrowthMiB = 300;
    private const int MaxThreads = 48;

    [Fact]
    public async Task Fifteen_seconds_of_edits_across_sixty_articles_keep_the_server_in_sync_and_alive()
    {
        var result = await new SoakRunner(new SoakOptions
        {
            Duration = TimeSpan.FromSeconds(15),
            MinimumEdits = 1_500,
            Documents = 60,
            Seed = 7,
            CheckEvery = 200,
            MaxEditsPerSecond = 300,
            ServerDll = Cli.Dll,
        }).RunAsync();
        output.WriteLine(result.Report());

        Assert.True(result.Mismatches.Count == 0, result.Report());
        Assert.True(result.ServerComplaints.Count == 0, result.Report());
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.EditsSent >= 1_500, $"only {result.EditsSent} edits in {result.Elapsed.TotalSeconds:0} s:\n{result.Report()}");
        Assert.True(result.Checks >= 60, result.Report());   // at least the opening check of every article
        Assert.True(result.Samples.Count >= 12, result.Report());
        Assert.True((result.PeakKiB - result.StartKiB) / 1024.0 < MaxGrowthMiB, result.Report());
        // Reads are bounded in the server; unbounded, the soak's bursts of pulls held 82–107 threads.
        Assert.True(result.PeakThreads <= MaxThreads, result.Report());
    }

    [Fact]
    public void The_slope_is_a_least_squares_fit_over_the_second_half()
    {
        // First half ignored (warm-up); second half grows by exactly 2 MiB per minute.
        var samples = new List<(double, long)>();
        for (var t = 0; t < 10; t++) samples.Add((t, 100_000 + (t < 5 ? 50_000 * t : 0)));
        for (var t = 10; t < 20; t++) samples.Add((t, 200_000 + (long)(2 * 1024 * (t - 10) / 60.0)));
        Assert.InRange(SoakRunner.Slope(samples), 1.99, 2.01);
        Assert.Equal(0, SoakRunner.Slope([(0, 5), (1, 5), (2, 5), (3, 5)]));
    }
}
