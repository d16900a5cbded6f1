using Xunit;

namespace NewsLsp.Tests.Cli;

public class NerCommandTests
{
    [Fact]
    public void Tags_token_per_line_input_keeping_sentence_breaks()
    {
        var input = "Il\tO\npresidente\tO\nSergio\tB-PER\nMattarella\tI-PER\nha\tO\nparlato\tO\na\tO\nMilano\tB-LOC\n.\tO\n\nOggi\npiove\n.\n";
        var result = CliRunner.RunWithInput(Repo.Root, input, "ner", "--conll");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.Equal(13, lines.Length);
        Assert.Equal("", lines[9]);
        Assert.Equal("Sergio\tB-PER", lines[2]);
        Assert.Equal("Mattarella\tI-PER", lines[3]);
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Matches(@"^\S+\t(O|[BI]-(PER|LOC|ORG))$", l));
    }

    [Fact]
    public void Without_conll_it_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.RunWithInput(Repo.Root, "", "ner").ExitCode);
    }
}
