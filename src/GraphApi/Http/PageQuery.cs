using System.ComponentModel;
using GraphApi.Core.Domain;

namespace GraphApi.Http;

/// <summary>The paging parameters every list takes (bound with <c>[AsParameters]</c>), described once.</summary>
public sealed record PageQuery(
    [property: Description("How many items to return: 1-500, default 50.")] int? Limit,
    [property: Description("How many items to skip from the start of the list: 0 or more, default 0. The answer's `next` link gives the next page.")] int? Offset)
{
    /// <summary>The page asked for, with an error per parameter out of range.</summary>
    public (int Limit, int Offset) Read(ValidationErrors errors) => Paging.Read(Limit, Offset, errors);
}

/// <summary>The actor filter a list or an analysis takes (bound with <c>[AsParameters]</c>); fields combine with AND.</summary>
public sealed record ActorFilterQuery(
    [property: Description("Only actors of this kind (any case)."), Input.OneOf(Input.Sets.Kind)] string? Kind,
    [property: Description("Only actors in this country: an ISO 3166-1 alpha-2 code, or EU for EU bodies (any case)."), Input.OneOf(Input.Sets.Country)] string? Country,
    [property: Description("Only actors in this region, derived from the country (any case)."), Input.OneOf(Input.Sets.Region)] string? Region,
    [property: Description("Only actors that list this sector among theirs (free text, matched ignoring case).")] string? Sector)
{
    public ActorFilter ToFilter() => new(Kind, Country, Region, Sector);
}
