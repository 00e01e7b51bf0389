using System.Text.RegularExpressions;
using GraphApi.Neo4j;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Checks the "Neo4j" section at start, but only when the Neo4j store is chosen: the embedded store must start
/// without any Neo4j settings.
/// </summary>
public sealed partial class Neo4jOptionsValidator(IOptions<GraphStoreOptions> store) : IValidateOptions<Neo4jOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (store.Value.Provider != "Neo4j")
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        if (options.Uri is null)
        {
            failures.Add("Neo4j:Uri is required when GraphStore:Provider is Neo4j (e.g. http://localhost:7474 or https://xxxx.databases.neo4j.io)");
        }
        else if (!options.Uri.IsAbsoluteUri || options.Uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"Neo4j:Uri must be an absolute http(s) address of the server's HTTP port, not '{options.Uri}' (the adapter speaks the Query API, not Bolt)");
        }
        if (!DatabaseName().IsMatch(options.Database))
        {
            failures.Add($"Neo4j:Database '{options.Database}' is not a valid database name");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Neo4j:RequestTimeout must be between 0 and 10 minutes");
        }
        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Neo4j:MaxRetries must be between 0 and 10");
        }
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add("Neo4j:RetryDelay must be between 0 and 30 seconds");
        }
        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add("Neo4j:BatchSize must be between 1 and 100000");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Neo4j database names: ASCII letters, digits, dots and dashes, starting with a letter.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.-]{0,62}$")]
    private static partial Regex DatabaseName();
}
