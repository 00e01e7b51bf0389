using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// The build writes the OpenAPI document (Microsoft.Extensions.ApiDescription.Server, for clients/typescript) by
/// running this app's host in its GetDocument.Insider tool, without a server. That run only describes the endpoints:
/// it opens no store, seeds nothing and starts no background work (no hosted service), and it checks no options at
/// start, since a build machine has no API keys; the document comes out as a writable deployment with public reads
/// serves it (the defaults), which is what the API tests check the document against.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Leaves only what describing the endpoints needs; called only when <see cref="IsGenerating"/>.</summary>
    public static void DescribeOnly(IServiceCollection services)
    {
        services.RemoveAll<IHostedService>();
        services.RemoveAll<IStartupValidator>();
        foreach (var validator in services.Where(s => s.ServiceType.IsGenericType && s.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>)).ToList())
        {
            services.Remove(validator);
        }
    }
}
