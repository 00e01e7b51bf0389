namespace GraphApi.Interchange;

/// <summary>The longer descriptions of import and export, as the OpenAPI document gives them.</summary>
public static class InterchangeDocs
{
    public const string Export =
        "`format`: graphml (yEd, NetworkX), gexf (Gephi; `gexfVersion=1.2draft` for older readers), cytoscape " +
        "(Cytoscape.js elements), csv (zip of actors.csv + relationships.csv in the seed format, or one file with " +
        "`part=actors|relationships`), json (the API's shapes; what POST /api/import takes back). Subgraph: `ids=a,b`, " +
        "or `actor=X&depth=1..3` (its neighbourhood), narrowed by `kind`, `country`, `region`, `sector`; relationships " +
        "are exported when both ends are (404 names an id that is no actor's). `asOf` exports the graph of the ties in force that day, " +
        "and the analysis columns are computed on it. `analysis=degree,…` adds per-actor columns (declared typed, so Gephi can size " +
        "and colour by them); brokerage counts roles between the groups of `partition` (default region), with stored directions when " +
        "`directed=true`; `partition` or `directed` without analysis=brokerage is refused. Columns not computed yet for this graph version " +
        "take an analysis slot and its time budget, so the export may answer 503 with Retry-After or advice, as the analyses do. " +
        "Graph formats are undirected with the stored direction kept as source → target and a " +
        "`directed` edge attribute; edge weight / `strength` is the introduction strength. Contact details are never exported. " +
        "The introduction ledger is left out unless `includeLedger=true` (format=json): then `introductions` lists the asks " +
        "whose every route actor is exported, with their events (the names of the keys that recorded them, `recordedBy`, for editors and admins only). " +
        "Streamed, UTF-8. The ETag names the graph version and the question: If-None-Match answers 304 while the graph is unchanged.";

    public const string Import =
        "CSV: multipart/form-data with file parts `actors` and/or `relationships` in the seed format (the headers of " +
        "cypher/seed/*.csv; lists '|'-separated; UTF-8). JSON: `{\"actors\":[…],\"relationships\":[…]}` in the API's own " +
        "shapes; an export with format=json is taken back as it is (the fields only an export carries are accepted and ignored). " +
        "Items are upserted by id in one transaction; relationships may reference " +
        "actors already in the store. If anything is wrong nothing is written and the 400 lists every error with " +
        "file, line, column (CSV) or JSON path, under `importErrors` and in the `errors` map. `dryRun=true` only " +
        "validates and reports what would be created or updated. Bodies over Limits:MaxImportBodyBytes or with more than " +
        "Import:MaxRows items are answered 413; another Content-Type than these two, 415. Admin role.";
}
