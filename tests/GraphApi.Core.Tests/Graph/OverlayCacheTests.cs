using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// The overlay cache reuses a view while its base and delta are the same objects; once a merge has replaced the base,
/// the views built on the old one are dropped, so they stop holding the old base in memory.
/// </summary>
public class OverlayCacheTests
{
    private static readonly GraphSnapshot View = GraphSnapshot.Build([new Actor { Id = "aa", Name = "AA", Kind = "Cluster", Country = "FR" }], [], 1, RelationshipTypeCatalogue.Default);

    [Fact]
    public void Views_built_on_another_base_are_dropped_and_those_on_the_current_one_kept()
    {
        var cache = new OverlayCache();
        object oldBase = new(), newBase = new(), delta = new();
        var builds = 0;
        GraphSnapshot Build()
        {
            builds++;
            return View;
        }

        cache.GetOrBuild(null, oldBase, delta, null, Build);
        cache.GetOrBuild("north", oldBase, delta, null, Build);
        cache.GetOrBuild("south", newBase, delta, null, Build);
        Assert.Equal(3, builds);
        cache.GetOrBuild("south", newBase, delta, null, Build);
        Assert.Equal(3, builds); // reused while base and delta are the same

        cache.ForgetAllBuiltOnOtherThan(newBase);

        cache.GetOrBuild("south", newBase, delta, null, Build);
        Assert.Equal(3, builds); // built on the current base: kept
        cache.GetOrBuild(null, oldBase, delta, null, Build);
        cache.GetOrBuild("north", oldBase, delta, null, Build);
        Assert.Equal(5, builds); // built on the old base: gone, so built again
    }
}
