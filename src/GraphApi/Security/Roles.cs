namespace GraphApi.Security;

/// <summary>
/// The three roles, each including the ones below it: reader &lt; editor &lt; admin. A key's principal carries a role
/// claim for its own role and every lower one, so <c>IsInRole("editor")</c> is true for admins too.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Lowest first; a role's rank is its index.</summary>
    public static readonly IReadOnlyList<string> Ordered = [Reader, Editor, Admin];

    /// <summary>The role itself and every role below it.</summary>
    public static IEnumerable<string> Implied(string role) => Ordered.Take(Rank(role) + 1);

    public static int Rank(string role) => Ordered.ToList().IndexOf(role);
}
