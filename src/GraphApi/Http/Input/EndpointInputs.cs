using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GraphApi.Http.Input;

/// <summary>The kinds of value a query parameter takes, as the caller is told them.</summary>
public enum QueryValueKind
{
    Text,
    WholeNumber,
    Number,
    Boolean,
}

/// <summary>One query parameter an operation declares: its name, value kind and closed set (if any).</summary>
public sealed record QueryParameter(string Name, QueryValueKind Kind, OneOfAttribute? OneOf);

/// <summary>What an operation accepts: its query parameters, and the JSON body type it binds (if it binds one).</summary>
public sealed record EndpointInput(IReadOnlyList<QueryParameter> Query, Type? JsonBody, bool BodyOptional, IReadOnlyList<string> BodyMediaTypes);

/// <summary>
/// Reads each operation's inputs from the API description, the same source the OpenAPI document is generated from,
/// so what the request check allows is exactly what the document declares. Built once, on first use.
/// </summary>
public sealed class EndpointInputs(IApiDescriptionGroupCollectionProvider descriptions)
{
    private readonly ConcurrentDictionary<(MethodInfo Handler, string Method), EndpointInput?> _byHandler = new();
    private IReadOnlyDictionary<(MethodInfo, string), ApiDescription>? _descriptions;

    /// <summary>The inputs of the operation that <paramref name="endpoint"/> serves for <paramref name="method"/>, or null for endpoints outside the API description.</summary>
    public EndpointInput? For(Endpoint endpoint, string method)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }
        return _byHandler.GetOrAdd((handler, method.ToUpperInvariant()), key =>
            Descriptions().TryGetValue(key, out var description) ? Read(description) : null);
    }

    private IReadOnlyDictionary<(MethodInfo, string), ApiDescription> Descriptions() => _descriptions ??= descriptions.ApiDescriptionGroups.Items
        .SelectMany(group => group.Items)
        .Where(d => d.HttpMethod is not null && d.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().Any())
        .GroupBy(d => (d.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().First(), d.HttpMethod!.ToUpperInvariant()))
        .ToDictionary(g => g.Key, g => g.First());

    private static EndpointInput Read(ApiDescription description)
    {
        var query = description.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Query)
            .Select(p => new QueryParameter(CamelCase(p.Name), KindOf(p.Type), OneOfOf(p)))
            .ToList();
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
        var media = description.SupportedRequestFormats.Select(f => f.MediaType).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var accepts = description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().FirstOrDefault();
        return new EndpointInput(query, body?.Type, accepts?.IsOptional ?? body?.IsRequired == false, media);
    }

    /// <summary>Records bound with [AsParameters] name their query parameters after their properties; the API spells them in camelCase.</summary>
    public static string CamelCase(string name) => name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static QueryValueKind KindOf(Type? type)
    {
        var t = type is null ? typeof(string) : Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return QueryValueKind.WholeNumber;
        }
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return QueryValueKind.Number;
        }
        return t == typeof(bool) ? QueryValueKind.Boolean : QueryValueKind.Text;
    }

    public static OneOfAttribute? OneOfOf(ApiParameterDescription parameter) => parameter.ParameterDescriptor switch
    {
        IParameterInfoParameterDescriptor p => p.ParameterInfo.GetCustomAttribute<OneOfAttribute>()
            ?? p.ParameterInfo.Member.DeclaringType?.GetProperty(p.ParameterInfo.Name ?? "")?.GetCustomAttribute<OneOfAttribute>(),
        IPropertyInfoParameterDescriptor p => p.PropertyInfo.GetCustomAttribute<OneOfAttribute>(),
        _ => parameter.ModelMetadata?.ContainerType?.GetProperty(parameter.Name)?.GetCustomAttribute<OneOfAttribute>(),
    };
}
