using System.Globalization;
using NewsLsp.Soak;

// newslsp soak: a long editing session against the real server, memory sampled, text checked.
//   dotnet run -c Release --project tools/NewsLsp.Soak -- [--minutes M | --seconds S] [--documents N] [--seed N]
//       [--check-every K] [--max-rate R] [--max-slope MiB/min] [--server path/to/newslsp.dll]
// Exit code 0: no mismatch, no server warning, clean shutdown, memory slope under the bound; 1: otherwise; 2: usage.
var options = new SoakOptions { Duration = TimeSpan.FromMinutes(10), Progress = Console.Error.WriteLine };
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        options = args[i] switch
        {
            "--minutes" => options with { Duration = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
            "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
            "--documents" => options with { Documents = int.Parse(Next(), CultureInfo.InvariantCulture) },
            "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
            "--check-every" => options with { CheckEvery = int.Parse(Next(), CultureInfo.InvariantCulture) },
            "--max-rate" => options with { MaxEditsPerSecond = int.Parse(Next(), CultureInfo.InvariantCulture) },
            "--max-slope" => options with { MaxSlopeMiBPerMinute = double.Parse(Next(), CultureInfo.InvariantCulture) },
            "--server" => options with { ServerDll = Path.GetFullPath(Next()) },
            _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
        };
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine("newslsp-soak: " + ex.Message);
        Console.Error.WriteLine("usage: [--minutes M | --seconds S] [--documents N] [--seed N] [--check-every K] [--max-rate R] [--max-slope MiB/min] [--server newslsp.dll]");
        return 2;
    }
}
if (options.Documents < 1 || options.CheckEvery < 1 || options.Duration <= TimeSpan.Zero)
{
    Console.Error.WriteLine("newslsp-soak: --documents, --check-every and the duration must be positive");
    return 2;
}

Console.Error.WriteLine($"soak: {options.Duration.TotalMinutes:0.##} min, {options.Documents} articles, server {options.ServerDll}");
var result = await new SoakRunner(options).RunAsync();
Console.WriteLine(result.Report());
return result.Passed ? 0 : 1;
