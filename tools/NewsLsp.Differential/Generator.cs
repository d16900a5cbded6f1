using System.Collections.Immutable;

namespace NewsLsp.Differential;

/// <summary>Random operations from a seed. The same seed always gives the same sequence.</summary>
public sealed class Generator(int seed, int documents, IReadOnlyList<string> pastes)
{
    private readonly Random _random = new(seed);

    /// <summary>What editors insert: words, names, every quotation mark, line breaks of both kinds, astral characters, Markdown, directives.</summary>
    public static readonly string[] Fragments =
    [
        "Zelensky", "Volodymyr Zelensky", " ha detto ", "“", "”", "«", "»", "\"", "‘", "’", "'", "dell’", "l'", "all'Onu", "Kyiv",
        "Kiev", "5.000", "1,5", "12 milioni", "il 3 marzo", ". ", "! ", "? ", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "😀", "𝔸", "👩‍👩‍👧",
        "é", "È", "perché", "![Immagine](a.jpg)\n", "![](b.png)", "![Foto di Mario Rossi a Roma](c.jpg)", "Iscriviti alla newsletter gratis\n",
        "<!-- newslsp-disable-next-line NEWS001 -->\n", "<!-- newslsp-disable -->", "<!-- newslsp-enable -->", "<!-- newslsp-disable-line -->",
        "sig. ", "dott. ", " ", "\t", "Trump-Putin", ":", ",", "…", "...", "---\n", "```", "Unione Europea", "Banca d'Italia",
        "Mario Draghi", "Giorgia Meloni", "Roma", "Milano", " e ", "«Non ci sarà alcun accordo» ha dichiarato Mario Draghi. ",
        "“Siamo pronti”, ha detto il ministro. ", "Il presidente Sergio Mattarella ha incontrato 300 sindaci a Roma il 2 giugno. ",
        "\u00A0", "\u200B", "\uFEFF", "\u2028",
    ];

    /// <summary>Longest pasted fragment: documents stay article-sized (a few KB) over long runs.</summary>
    private const int MaxPaste = 1500;

    public Operation Next()
    {
        var document = _random.Next(documents);
        var roll = _random.Next(1000);
        return roll switch
        {
            < 700 => new EditOperation(document, [Spec()], FullSync: _random.Next(10) == 0),
            < 780 => new EditOperation(document, [.. Enumerable.Range(0, 2 + _random.Next(4)).Select(_ => Spec())], FullSync: false),
            < 840 => new BurstOperation(document, [.. Enumerable.Range(0, 2 + _random.Next(8)).Select(_ => Spec())]),
            < 855 => new ReplaceAllOperation(document, Paste()),
            < 870 => new ReplaceAllOperation(document, pastes[_random.Next(pastes.Count)]),
            < 890 => new ReplaceAllOperation(document, ""),
            < 910 => new LineEndingsOperation(document, Crlf: _random.Next(2) == 0),
            < 930 => new RemoveOperation(document),
            < 960 => new BumpVersionOperation(document),
            _ => new RevisitOperation(1 + _random.Next(6)),
        };
    }

    private EditSpec Spec()
    {
        var anchor = _random.Next(100) switch
        {
            < 50 => Anchor.Fraction,
            < 53 => Anchor.Raw,
            < 63 => Anchor.Start,
            < 73 => Anchor.End,
            < 87 => Anchor.InsideQuote,
            _ => Anchor.InsideName,
        };
        var kind = _random.Next(10);
        var length = kind switch { < 4 => 0, < 8 => _random.Next(1, 12), 8 => _random.Next(12, 400), _ => _random.Next(400, 4000) };
        var insert = kind switch
        {
            < 5 => Fragments[_random.Next(Fragments.Length)],
            < 7 => string.Concat(Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Fragments[_random.Next(Fragments.Length)])),
            < 9 => "",
            _ => Paste(),
        };
        if (_random.Next(40) == 0 && insert.Length > 0 && char.IsHighSurrogate(insert[0])) insert = insert[..1];   // a lone surrogate
        var overshoot = _random.Next(20) == 0 ? 1 + _random.Next(50) : 0;
        return new EditSpec(anchor, Math.Round(_random.NextDouble(), 4), length, insert, overshoot);
    }

    private string Paste()
    {
        var text = pastes[_random.Next(pastes.Count)];
        if (text.Length == 0) return text;
        var start = _random.Next(text.Length);
        var paste = text.Substring(start, Math.Min(text.Length - start, _random.Next(MaxPaste)));
        return _random.Next(4) == 0 ? Model.WithLineEndings(paste, crlf: true) : paste;
    }
}
