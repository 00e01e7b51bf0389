using System.Text.Json.Serialization;

namespace GraphApi.Core.Domain;

/// <summary>A typed tie between two actors, with the evidence that states it.</summary>
public sealed record Relationship
{
    /// <summary>The relationship's id (a slug).</summary>
    public required string Id { get; init; }

    /// <summary>The actor the tie starts from (for directed types, e.g. the member of a MEMBER_OF).</summary>
    public required string Source { get; init; }

    /// <summary>The actor the tie goes to.</summary>
    public required string Target { get; init; }

    /// <summary>The type, from the catalogue (GET /api/relationship-types).</summary>
    public required string Type { get; init; }

    /// <summary>When the tie began, at the precision known (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public PartialDate? Since { get; init; }

    /// <summary>When the tie ended, if it did, at the precision known.</summary>
    public PartialDate? Until { get; init; }

    /// <summary>Overrides the type's default introduction strength (0 &lt; s ≤ 1) when set.</summary>
    public double? Strength { get; init; }

    /// <summary>For ties made at an event (MET_AT): the event.</summary>
    public EventInfo? Event { get; init; }

    /// <summary>A note on the tie (why it is inferred, what it covers).</summary>
    public string? Note { get; init; }

    /// <summary>The document, section and quote that state the tie.</summary>
    public Evidence? Evidence { get; init; }

    /// <summary>True when the source implies rather than states the tie; such ties carry a lowered strength.</summary>
    public bool Inferred { get; init; }

    /// <summary>
    /// The workspace that owns the tie when it is private (only its members see it; it may join public actors and
    /// the workspace's own); null for the public graph.
    /// </summary>
    public string? Workspace { get; init; }

    [JsonIgnore]
    public long Revision { get; init; }

    /// <summary>Whether the tie is in force on <paramref name="asOf"/>, judged at the dates' own precision.</summary>
    public bool IsValidOn(DateOnly asOf) =>
        (Since is null || Since.Value.Start <= asOf) && (Until is null || Until.Value.End >= asOf);
}

/// <summary>Where a tie is stated.</summary>
/// <param name="Document">The document that states it (a report, a signed MoU).</param>
/// <param name="Section">Where in the document: a section or page.</param>
/// <param name="Quote">A short quote that states it.</param>
public sealed record Evidence(string? Document, string? Section, string? Quote);

/// <summary>The event at which a tie was made (for MET_AT ties).</summary>
/// <param name="Name">The event's name.</param>
/// <param name="Date">When it took place, at the precision known (YYYY, YYYY-MM or YYYY-MM-DD).</param>
/// <param name="Place">Where it took place.</param>
public sealed record EventInfo(string? Name, PartialDate? Date, string? Place);
