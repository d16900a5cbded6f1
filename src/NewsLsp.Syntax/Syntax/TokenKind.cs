namespace NewsLsp.Syntax;

// One byte: a token is stored for every word of the corpus (12 bytes with QuoteMark instead of 16).
public enum TokenKind : byte
{
    /// <summary>Letters (and inner digits). An elided article keeps its apostrophe: <c>dell'</c>, <c>l’</c>.</summary>
    Word,
    /// <summary>Digits with Italian grouping and decimals: <c>5.000</c>, <c>1,5</c>, <c>2022</c>.</summary>
    Number,
    /// <summary>A quotation mark; see <see cref="QuoteMark"/> for which.</summary>
    Quote,
    Punctuation,
    Url,
    Symbol,
}
