using System.Security.Claims;
using GraphApi.Core.Interchange;
using GraphApi.Core.Introductions;

namespace GraphApi.Introductions;

/// <summary>
/// Which asks an export with <c>includeLedger=true</c> carries: those of the caller's view of the ledger (public asks plus
/// their workspace's) whose whole route lies inside the exported actors,
/// with the names of the keys that recorded them only for editors and admins (as the ledger's own answers).
/// </summary>
public static class LedgerExport
{
    public static IReadOnlyList<Introduction> Within(ExportGraph export, LedgerView ledger, ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(ledger);
        var exported = export.Actors.Select(a => a.Actor.Id).ToHashSet(StringComparer.Ordinal);
        // Oldest first, so an export reads in the order the asks were made.
        var asks = ledger.All.Where(a => a.Path.All(exported.Contains)).Reverse();
        return IntroductionViews.MaySeeKeyNames(caller) ? [.. asks] : [.. asks.Select(a => a.WithoutKeyNames())];
    }
}
