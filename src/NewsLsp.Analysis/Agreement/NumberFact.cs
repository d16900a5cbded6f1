using System.Collections.Immutable;

namespace NewsLsp.Analysis.Agreement;

public enum NumberAgreement { Agree, Conflict, SingleSource }

/// <summary>One numeric claim of an event (drones launched, the weekday of a call…) and every source's mention of it.</summary>
public sealed record NumberFact(string Id, string EventId, string Claim, NumberUnit Unit, NumberAgreement Agreement, ImmutableArray<NumberFactMention> Mentions)
{
    public int SourceCount => Mentions.Select(m => m.Document).Distinct().Count();
}

/// <summary>One source's mention of a numeric fact: the <see cref="Ordinal"/>-th number of its article (no absolute position; see <see cref="AgreementLocations"/>).</summary>
public sealed record NumberFactMention(DocumentKey Document, int Ordinal, NumberMention Number);
