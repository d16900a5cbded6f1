using System.Runtime.CompilerServices;

namespace NewsLsp.Tests;

/// <summary>
/// Snapshot testing: compares output with a file beside the test (<c>Snapshots/Name.txt</c>). Run with
/// <c>NEWSLSP_ACCEPT=1</c> to write the current output as the new expectation, then review the diff in git.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var expectedPath = Path.Combine(folder, name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("NEWSLSP_ACCEPT") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
            throw new Xunit.Sdk.XunitException($"no snapshot {expectedPath}; run the tests with NEWSLSP_ACCEPT=1 to create it");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        throw new Xunit.Sdk.XunitException(
            $"snapshot {name} differs at line {first + 1}:\n  expected: {Line(expectedLines, first)}\n  actual:   {Line(actualLines, first)}\n" +
            "(NEWSLSP_ACCEPT=1 accepts the new output)");
    }

    private static string Line(string[] lines, int i) => i < lines.Length ? lines[i] : "<end of output>";
}
