using System.Text.Json.Serialization;

namespace GraphApi.Core.Domain;

/// <summary>A typed tie between two actors, with the evidence that states it.</summary>
public sealed record Relationship
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Type { get; init; }
    public PartialDate? Since { get; init; }
    public PartialDate? Until { get; init; }

    /// <summary>Overrides the type's default introduction strength (0 &lt; s ≤ 1) when set.</summary>
    public double? Strength { get; init; }

    public EventInfo? Event { get; init; }
    public string? Note { get; init; }
    public Evidence? Evidence { get; init; }

    /// <summary>True when the source implies rather than states the tie; such ties carry a lowered strength.</summary>
    public bool Inferred { get; init; }

    [JsonIgnore]
    public long Revision { get; init; }

    /// <summary>Whether the tie is in force on <paramref name="asOf"/>, judged at the dates' own precision.</summary>
    public bool IsValidOn(DateOnly asOf) =>
        (Since is null || Since.Value.Start <= asOf) && (Until is null || Until.Value.End >= asOf);
}

public sealed record Evidence(string? Document, string? Section, string? Quote);

public sealed record EventInfo(string? Name, PartialDate? Date, string? Place);
