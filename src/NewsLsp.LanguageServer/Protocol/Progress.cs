namespace NewsLsp.LanguageServer.Protocol;

public sealed record WorkDoneProgressCreateParams(IntegerOrString Token);

public sealed record WorkDoneProgressBegin(string Title)
{
    public string Kind => "begin";
    public bool? Cancellable { get; init; }
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressReport
{
    public string Kind => "report";
    public bool? Cancellable { get; init; }
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressEnd
{
    public string Kind => "end";
    public string? Message { get; init; }
}

/// <summary><c>$/progress</c> params; closed over each of the three work-done payloads in the serializer context.</summary>
public sealed record ProgressParams<T>(IntegerOrString Token, T Value);
