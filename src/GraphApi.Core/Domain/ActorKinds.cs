namespace GraphApi.Core.Domain;

/// <summary>The kinds of actor the network knows. Names are compared case-sensitively: they are identifiers.</summary>
public static class ActorKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "Cluster", "ClusterNetwork", "ClusterPartnership", "MiniCluster", "IndustrialComplex", "Agency",
        "Ministry", "City", "University", "ResearchInstitute", "Company", "Foundation", "Association",
        "Programme", "Person",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? kind) => kind is not null && Known.Contains(kind);
}
