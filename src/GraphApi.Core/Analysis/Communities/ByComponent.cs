namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// Leiden on each connected component on its own, so that what happens elsewhere in the graph cannot move a
/// community: an actor or a tie that does not touch a component leaves its communities exactly as they were.
/// <list type="bullet">
/// <item>A component's actors are numbered in increasing order (actor id order), so its level graph, its random
/// orders (the same seed for every component) and so its partition depend on the component alone, not on how many
/// actors come before it or where new ids sort.</item>
/// <item>Each component maximises its own modularity (m the component's edges). Modularity over the whole graph
/// would tie every component to the others through m (the resolution limit: a distant component's ties change where
/// a community splits), which is exactly the dependence this removes.</item>
/// <item>Isolates are left out of the moves: each is a community of its own.</item>
/// </list>
/// Communities never span components (Leiden's are connected), so nothing is lost by splitting.
/// </summary>
internal static class ByComponent
{
    /// <summary>Community of each actor of <paramref name="graph"/>, numbered 0..k−1 component by component.</summary>
    public static int[] Detect(SimpleGraph graph, double resolution, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var component = Components.Label(graph);
        var components = component.Length == 0 ? 0 : component.Max() + 1;
        var members = LevelGraph.MembersOf(component, components);
        var community = new int[graph.NodeCount];
        var localIndex = new int[graph.NodeCount];
        var next = 0;
        foreach (var nodes in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (nodes.Length == 1)
            {
                community[nodes[0]] = next++;
                continue;
            }
            var found = Leiden.Detect(LevelGraph.OfComponent(graph, nodes, localIndex), resolution, seed, cancellationToken);
            var count = 0;
            for (var i = 0; i < nodes.Length; i++)
            {
                community[nodes[i]] = next + found[i];
                count = Math.Max(count, found[i] + 1);
            }
            next += count;
        }
        return community;
    }
}
