using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;

namespace GraphApi.Benchmarks;

/// <summary>
/// <c>csv DIR [runs]</c>: how long the import's reading takes on DIR/actors.csv and DIR/relationships.csv, without
/// the store: splitting records only (Sep plus the strict quote check), then reading and checking every row as the
/// CLI import does (GraphCsv.Stream into a sink that drops the rows). Min / median / max of the runs.
/// </summary>
internal static class CsvReadReport
{
    public static void Run(IReadOnlyList<string> args)
    {
        var folder = args[0];
        var runs = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var actors = Path.Combine(folder, "actors.csv");
        var relationships = Path.Combine(folder, "relationships.csv");
        Report("records only (relationships.csv)", runs, () =>
        {
            using var reader = Open(relationships);
            var count = CsvReader.Read(reader, "relationships.csv", []).Count();
            return $"{count:N0} records";
        });
        Report("read + check both files (no store)", runs, () =>
        {
            using var actorsReader = Open(actors);
            using var relationshipsReader = Open(relationships);
            var sink = new CountingSink();
            var errors = GraphCsv.Stream(actorsReader, "actors.csv", relationshipsReader, "relationships.csv",
                RelationshipTypeCatalogue.Default, knownActorIds: null, options: null, sink);
            return $"{sink.Rows:N0} rows, {errors.Count} errors";
        });
    }

    private static void Report(string what, int runs, Func<string> run)
    {
        var seconds = new List<double>();
        var outcome = "";
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            outcome = run();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {outcome}; min {seconds[0]:F2} s, median {seconds[seconds.Count / 2]:F2} s, max {seconds[^1]:F2} s over {runs} runs"));
    }

    private static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private sealed class CountingSink : IGraphRowSink
    {
        public int Rows { get; private set; }

        public void Add(Actor actor) => Rows++;

        public void Add(Relationship relationship) => Rows++;
    }
}
