using System.CommandLine;
using GraphApi.Interchange;

namespace GraphApi.Cli;

/// <summary>
/// The verbs and their options, parsed by System.CommandLine: <c>--help</c> on every verb, unknown options and
/// malformed values refused before anything runs. Each verb's work is in <see cref="ImportCommand"/> and
/// <see cref="ExportCommand"/>; <see cref="CliCommands"/> maps outcomes to exit codes.
/// </summary>
internal static class CliDefinition
{
    private const string PathsNote = "Relative paths are resolved from the working directory: under `dotnet run --project src/GraphApi` that is " +
        "src/GraphApi, so pass absolute paths (e.g. \"$PWD/cypher/seed/actors.csv\").";

    public static RootCommand Build(Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guard)
    {
        var root = new RootCommand("GraphApi's command line: import into and export from the embedded SQLite store without the server. " +
            "Exit codes: 0 done, 1 data rejected (nothing written), 2 wrong usage, missing file, store unavailable or cancelled.");
        root.Subcommands.Add(Import(guard));
        root.Subcommands.Add(Export(guard));
        return root;
    }

    private static Option<string> Db() => new("--db") { Description = "The SQLite file (default: Sqlite:Path from appsettings)." };

    private static Option<string> Text(string name, string description) => new(name) { Description = description };

    private static Command Import(Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guard)
    {
        var actors = Text("--actors", "Actors in the seed CSV format (cypher/seed/actors.csv).");
        var relationships = Text("--relationships", "Relationships in the seed CSV format (cypher/seed/relationships.csv).");
        var db = Db();
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and say what would change; write nothing." };
        var workspace = Text("--workspace", "The id of the workspace the rows become private to (it must exist); left out, the public graph.");
        var command = new Command("import", "Upsert seed-format CSV files by id, all or nothing in one transaction; progress on stderr every 10,000 rows. " + PathsNote)
        {
            actors, relationships, db, dryRun, workspace,
        };
        command.SetAction((result, cancellationToken) => guard(token => ImportCommand.RunAsync(
            new ImportArguments(result.GetValue(actors), result.GetValue(relationships), result.GetValue(db), result.GetValue(dryRun))
            {
                Workspace = result.GetValue(workspace),
            }, token), cancellationToken));
        return command;
    }

    private static Command Export(Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guard)
    {
        var format = new Option<string>("--format") { Description = "graphml, gexf, cytoscape, csv or json.", Required = true };
        var output = Text("--out", "The file to write (default or '-': standard output). csv without --part writes a zip of both files.");
        var db = Db();
        var part = Text("--part", "csv only: actors or relationships.");
        var gexfVersion = Text("--gexf-version", "1.3 (default) or 1.2draft for readers that predate 1.3.");
        var ids = Text("--ids", "Only these actors (comma-separated ids) and the ties between them.");
        var actor = Text("--actor", "Only this actor's neighbourhood (with --depth).");
        var depth = new Option<int?>("--depth") { Description = "Neighbourhood depth 1-3 around --actor." };
        var kind = Text("--kind", "Only actors of this kind.");
        var country = Text("--country", "Only actors of this country (ISO code).");
        var region = Text("--region", "Only actors of this region (EU, KR, OTHER).");
        var sector = Text("--sector", "Only actors with this sector.");
        var analysis = Text("--analysis", "Analysis columns to add (degree, betweenness, brokerage; comma-separated).");
        var command = new Command("export", "Write the graph, or a filtered part of it, as GraphML, GEXF, Cytoscape JSON, CSV or JSON. " + PathsNote)
        {
            format, output, db, part, gexfVersion, ids, actor, depth, kind, country, region, sector, analysis,
        };
        command.SetAction((result, cancellationToken) => guard(token => ExportCommand.RunAsync(
            new ExportParameters(result.GetValue(format), result.GetValue(part), result.GetValue(gexfVersion), result.GetValue(ids),
                result.GetValue(kind), result.GetValue(country), result.GetValue(region), result.GetValue(sector), result.GetValue(actor),
                result.GetValue(depth), result.GetValue(analysis)),
            result.GetValue(output), result.GetValue(db), token), cancellationToken));
        return command;
    }
}

/// <summary>What <c>import</c> was given.</summary>
public sealed record ImportArguments(string? Actors, string? Relationships, string? Db, bool DryRun)
{
    /// <summary>The workspace the rows become private to; null for the public graph.</summary>
    public string? Workspace { get; init; }
}
