using GraphApi.Actors;
using GraphApi.Relationships;
using GraphApi.Routes;
using GraphApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http;

/// <summary>
/// What a generated client needs from the document beyond what the endpoints declare: the API-key and bearer schemes and, per
/// operation, the requirement <see cref="AccessRules"/> enforces (public reads, editor writes, admin import and audit)
/// with the 401 / 403 it can answer; the 429 of the rate limiter on every /api operation; tag descriptions, a
/// licence, and a server URL without a trailing slash (a client appends paths that start with one).
/// </summary>
internal sealed class OpenApiContract(AccessRules rules) : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Actors"] = "Organisations, programmes and people of the EU–Korea cluster network; search by name, acronym or Korean name.",
        ["Relationships"] = "Typed, evidenced ties between actors (MoU, met at an event, board member of, …) and their type catalogue.",
        ["Routes"] = "Who can introduce us to X, and through whom: ranked introduction routes, fewest-hops paths, neighbourhoods.",
        ["Analysis"] = "Who brokers between groups and in which role: brokerage roles, centrality, gateways.",
        ["Import and export"] = "Bulk import (CSV or JSON, all or nothing) and exports for Gephi, Cytoscape, NetworkX and spreadsheets.",
        ["Audit"] = "Who changed what and when (admin).",
        ["Explorer"] = "What the explorer page draws (the whole graph, or a filtered part, laid out for a WebGL overview) and how it signs in.",
        ["Catalogues"] = "The values forms may offer: the closed sets requests are checked against and the countries and sectors actors carry.",
        ["Introductions"] = "The introduction ledger: asks along routes, what happened at each step, and the learned tie strengths they give.",
        ["Workspaces"] = "Organisations' private networks (admin): each workspace's own actors and ties, seen by its members only, on top of the public graph.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Every error points at these two (OpenApiStatuses); no handler returns them as a result type any more (failures are
        // thrown), so the generator would not add them by itself.
        foreach (var problem in new[] { typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!document.Components.Schemas.ContainsKey(problem.Name))
            {
                document.Components.Schemas[problem.Name] = await context.GetOrCreateSchemaAsync(problem, null, cancellationToken).ConfigureAwait(false);
            }
        }
        document.Info.License = new OpenApiLicense { Name = "Proprietary: all rights reserved by the GraphApi team", Identifier = "LicenseRef-GraphApi-Proprietary" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "An API key (see README, Security). Reads are public unless the deployment says otherwise; writes need the editor role, import and audit the admin role.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the deployment's identity provider (OIDC; docs/security.md), where one is configured: its role claim " +
                "maps to reader, editor or admin as for keys. Send a key or a token, not both.",
        };
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Describe(document, path, method, operation);
            }
        }
    }

    /// <summary>Operations that write the graph through its single writer, which a store outage or a lagging snapshot refuses.</summary>
    private static bool IsGraphWrite(string path) =>
        path.StartsWith("/api/actors", StringComparison.Ordinal) || path.StartsWith("/api/relationships", StringComparison.Ordinal)
        || path == "/api/import";

    private void Describe(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= [];
        foreach (var parameter in operation.Parameters ?? [])
        {
            // [AsParameters] records name query parameters after their properties (Format); binding ignores case.
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Name: { Length: > 0 } name } query && char.IsUpper(name[0]))
            {
                query.Name = char.ToLowerInvariant(name[0]) + name[1..];
            }
        }
        if ((method == HttpMethod.Put || method == HttpMethod.Delete) && path.EndsWith("/{id}", StringComparison.Ordinal))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag read with the record: the write is refused with 412 if the record changed since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses.TryAdd("412", Problem(document, "If-Match names a revision the record no longer has (problem+json)."));
        }
        if (rules.For(method.Method, path).Role is not null)
        {
            // Either one: a key or a token.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            ];
        }
        else
        {
            operation.Security = []; // public: no key needed
        }
        if (method != HttpMethod.Get && method != HttpMethod.Head && IsGraphWrite(path))
        {
            var unavailable = Problem(document, "The store is unavailable, or the graph in memory is catching up with its store after a fault; retry after the " +
                "Retry-After header's seconds (problem+json). Its `committed` field says whether this write was saved all the same: then do not send it again.");
            unavailable.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
            operation.Responses.TryAdd("503", unavailable);
        }
    }

    /// <summary>
    /// An error response with the problem schema: this transformer runs after the operation transformers, so the
    /// statuses it adds do not pass through OpenApiStatuses, which gives every other error its schema.
    /// </summary>
    private static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}

/// <summary>
/// Request bodies list as required only what the API requires, so generated clients can leave the rest out (every
/// property is optional at the JSON level, so a missing one comes back as a 400 naming it, not a serializer error).
/// A required request field is typed without null: null is refused like a missing value.
/// </summary>
internal sealed class OpenApiRequiredFields : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(ActorInput)] = [.. Core.Domain.ActorRules.RequiredFields],
        [typeof(Interchange.ImportedActor)] = [.. Core.Domain.ActorRules.RequiredFields],
        [typeof(RelationshipInput)] = [.. Core.Domain.RelationshipRules.RequiredFields],
        [typeof(ActorMergeRequest)] = ["into"],
        [typeof(Interchange.ImportBody)] = [],
        [typeof(IntroductionRequest)] = [.. IntroductionRequest.Required],
        [typeof(BestNextTieRequest)] = [.. BestNextTieRequest.Required],
        [typeof(ActorFilterInput)] = [],
        [typeof(Introductions.IntroductionInput)] = [.. Introductions.IntroductionInput.Required],
        [typeof(Introductions.IntroductionRouteInput)] = [.. Introductions.IntroductionRouteInput.Required],
        [typeof(Introductions.IntroductionEventInput)] = [.. Introductions.IntroductionEventInput.Required],
        [typeof(Introductions.AgreementRelationshipInput)] = [],
        [typeof(RouteTargetInput)] = [],
        [typeof(Core.Domain.ContactDetails)] = [],
        [typeof(Core.Domain.EventInfo)] = [],
        [typeof(Core.Domain.Evidence)] = [],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Required.TryGetValue(context.JsonTypeInfo.Type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
            // A request field the API requires takes no null either (null is refused as missing): say so, rather than drop it below.
            foreach (var field in required)
            {
                if (schema.Properties?.TryGetValue(field, out var property) == true && property is OpenApiSchema { Type: { } type } typed)
                {
                    typed.Type = type & ~JsonSchemaType.Null;
                    // A closed set listed with null while the field was nullable: it is not any more.
                    typed.Enum = typed.Enum is { } values ? [.. values.Where(v => v is not null)] : null;
                }
            }
            return Task.CompletedTask;
        }
        // Responses leave null fields out (JsonIgnoreCondition.WhenWritingNull), so a nullable field is never required.
        if (schema.Required is { Count: > 0 } fields && schema.Properties is { } properties)
        {
            var nullable = context.JsonTypeInfo.Properties.Where(IsNullable).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var field in fields.Where(field => nullable.Contains(field) || (properties.TryGetValue(field, out var property) && IsNullable(property))).ToList())
            {
                fields.Remove(field);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>A property typed nullable (a reference marked <c>?</c>, or <c>Nullable&lt;T&gt;</c>), whatever its schema looks like yet.</summary>
    private static bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;

    private static bool IsNullable(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf?.Any(branch => branch.Type is { } t && t.HasFlag(JsonSchemaType.Null)) ?? false)
        || (property.AnyOf?.Any(branch => branch.Type is { } t && t.HasFlag(JsonSchemaType.Null)) ?? false);
}
