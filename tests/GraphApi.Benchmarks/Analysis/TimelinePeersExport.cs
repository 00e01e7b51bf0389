using System.Globalization;
using GraphApi.Core.Graph;

namespace GraphApi.Benchmarks.Analysis;

/// <summary>
/// Writes the dated graph the timeline benchmark runs on for tests/perf/timeline_peers.py: timeline-edges.tsv, one line
/// per relationship with its ends' actor numbers and the first and last day it is in force as day numbers (0001-01-01
/// = 0; an undated since is −2147483648, an undated until 2147483647), and the number of actors on the first line.
/// </summary>
internal static class TimelinePeersExport
{
    public static void Write(GraphSnapshot snapshot, string directory)
    {
        Directory.CreateDirectory(directory);
        snapshot = snapshot.Compacted();
        using var edges = new StreamWriter(Path.Combine(directory, "timeline-edges.tsv"));
        edges.WriteLine(snapshot.ActorCount.ToString(CultureInfo.InvariantCulture));
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            var r = snapshot.RelationshipAt(e);
            var start = r.Since?.Start.DayNumber ?? int.MinValue;
            var end = r.Until?.End.DayNumber ?? int.MaxValue;
            edges.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshot.SourceOf(e)}\t{snapshot.TargetOf(e)}\t{start}\t{end}"));
        }
        Console.WriteLine($"wrote {snapshot.ActorCount} actors, {snapshot.RelationshipCount} dated relationships to {directory}");
    }
}
