using System.Text.Json.Serialization;

namespace GraphApi.Core.Domain;

/// <summary>An organisation, network, programme or person in the cooperation network.</summary>
public sealed record Actor
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required string Kind { get; init; }
    public required string Country { get; init; }

    /// <summary>
    /// Derived from <see cref="Country"/> by the region map on every load; stored records carry a placeholder
    /// (see <c>Storage.RecordJson</c>), so changing the map never leaves a stale region behind.
    /// </summary>
    public string Region { get; init; } = Regions.Other;

    public IReadOnlyList<string> Sectors { get; init; } = [];
    public string? City { get; init; }
    public string? Website { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Personal data (people's e-mail, phone): only callers with the editor role may see it.</summary>
    public ContactDetails? Contact { get; init; }

    /// <summary>
    /// The workspace that owns the actor when it is private (only that workspace's members see it); null for the
    /// public graph. Stored with the record, never taken from a request body as is (see <c>Visibility</c>).
    /// </summary>
    public string? Workspace { get; init; }

    /// <summary>Optimistic-concurrency revision, surfaced as the ETag header rather than in the body.</summary>
    [JsonIgnore]
    public long Revision { get; init; }
}

/// <summary>How to reach a person: personal data, given to callers with the editor role only and never exported.</summary>
/// <param name="Email">An e-mail address.</param>
/// <param name="Phone">A phone number.</param>
public sealed record ContactDetails(string? Email, string? Phone);
