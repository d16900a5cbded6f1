namespace NewsLsp.Syntax;

/// <summary>The quotation marks Italian news text uses. Straight marks cannot tell opening from closing.</summary>
public enum QuoteMark : byte
{
    None,
    TypographicDoubleOpen,   // “
    TypographicDoubleClose,  // ”
    GuillemetOpen,           // «
    GuillemetClose,          // »
    TypographicSingleOpen,   // ‘
    TypographicSingleClose,  // ’ used as a closing quote, not as an apostrophe
    StraightDouble,          // "
}

public enum QuoteStyle { None, Typographic, Guillemets, Straight }

public static class QuoteMarks
{
    public static QuoteMark Classify(char c) => c switch
    {
        '“' => QuoteMark.TypographicDoubleOpen,
        '”' => QuoteMark.TypographicDoubleClose,
        '«' => QuoteMark.GuillemetOpen,
        '»' => QuoteMark.GuillemetClose,
        '‘' => QuoteMark.TypographicSingleOpen,
        '"' => QuoteMark.StraightDouble,
        _ => QuoteMark.None,
    };

    public static QuoteStyle StyleOf(QuoteMark mark) => mark switch
    {
        QuoteMark.TypographicDoubleOpen or QuoteMark.TypographicDoubleClose
            or QuoteMark.TypographicSingleOpen or QuoteMark.TypographicSingleClose => QuoteStyle.Typographic,
        QuoteMark.GuillemetOpen or QuoteMark.GuillemetClose => QuoteStyle.Guillemets,
        QuoteMark.StraightDouble => QuoteStyle.Straight,
        _ => QuoteStyle.None,
    };

    public static bool IsOpening(QuoteMark mark) =>
        mark is QuoteMark.TypographicDoubleOpen or QuoteMark.GuillemetOpen or QuoteMark.TypographicSingleOpen;

    public static bool IsClosing(QuoteMark mark) =>
        mark is QuoteMark.TypographicDoubleClose or QuoteMark.GuillemetClose or QuoteMark.TypographicSingleClose;

    /// <summary>The closing mark that pairs with an opening one (straight marks pair with themselves).</summary>
    public static QuoteMark ClosingFor(QuoteMark open) => open switch
    {
        QuoteMark.TypographicDoubleOpen => QuoteMark.TypographicDoubleClose,
        QuoteMark.GuillemetOpen => QuoteMark.GuillemetClose,
        QuoteMark.TypographicSingleOpen => QuoteMark.TypographicSingleClose,
        _ => open,
    };

    public static bool IsApostrophe(char c) => c is '\'' or '’';
}
