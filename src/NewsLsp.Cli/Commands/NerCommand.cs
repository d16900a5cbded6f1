using System.CommandLine;
using NewsLsp.Ner;

namespace NewsLsp.Cli;

/// <summary>
/// <c>newslsp ner --conll</c>: reads <c>token</c> or <c>token&lt;TAB&gt;anything</c> lines on stdin (a blank line between
/// sentences) and writes <c>token&lt;TAB&gt;tag</c> with BIO tags for PER, LOC and ORG.
/// </summary>
internal static class NerCommand
{
    public static Command Create()
    {
        var conll = new Option<bool>("--conll") { Description = "Read and write the CoNLL token-per-line format (the only format for now)" };
        var command = new Command("ner", "Tag named entities in tokenised Italian text read from stdin") { conll };
        command.SetAction(result =>
        {
            if (!result.GetValue(conll)) return CliErrors.Fail("ner: pass --conll (token-per-line input on stdin)");
            var input = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
            using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
            ConllTagging.Run(input, output, NerModel.LoadDefault());
            return 0;
        });
        return command;
    }
}
