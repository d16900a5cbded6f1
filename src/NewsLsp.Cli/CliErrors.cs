namespace NewsLsp.Cli;

/// <summary>One-line messages on stderr, prefixed with the program name, as command-line tools do.</summary>
internal static class CliErrors
{
    public const int UsageOrIoError = 2;

    public static void Report(string message) => Console.Error.WriteLine("newslsp: " + message);

    public static int Fail(string message)
    {
        Report(message);
        return UsageOrIoError;
    }
}
