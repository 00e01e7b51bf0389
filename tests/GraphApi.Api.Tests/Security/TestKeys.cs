using System.Security.Cryptography;
using System.Text;

namespace GraphApi.Api.Tests.Security;

/// <summary>Three configured keys, one per role, and helpers to make clients that send them.</summary>
public static class TestKeys
{
    public const string Reader = "reader-key-aaaaaaaaaaaa";
    public const string Editor = "editor-key-bbbbbbbbbbbb";
    public const string Admin = "admin-key-cccccccccccc";

    /// <summary>Adds the three keys (named rita, eddie, ada) to the factory's configuration, as hashes.</summary>
    public static GraphApiFactory WithRoleKeys(this GraphApiFactory factory)
    {
        var keys = new[] { ("rita", Reader, "reader"), ("eddie", Editor, "editor"), ("ada", Admin, "admin") };
        for (var i = 0; i < keys.Length; i++)
        {
            factory.Settings[$"Security:Keys:{i}:Name"] = keys[i].Item1;
            factory.Settings[$"Security:Keys:{i}:Hash"] = Sha256Hex(keys[i].Item2);
            factory.Settings[$"Security:Keys:{i}:Role"] = keys[i].Item3;
        }
        return factory;
    }

    public static HttpClient ClientWithKey(this GraphApiFactory factory, string? key)
    {
        var client = factory.CreateAnonymousClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    /// <summary>The same as <c>printf %s "$KEY" | sha256sum</c>.</summary>
    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static object NewActor(string id, object? contact = null) =>
        new { id, name = "Test " + id, kind = "Company", country = "FR", sectors = new[] { "water" }, contact };
}
