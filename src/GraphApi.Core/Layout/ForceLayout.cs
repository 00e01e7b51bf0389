namespace GraphApi.Core.Layout;

/// <summary>
/// ForceAtlas2 (Jacomy et al., 2014) for the explorer's overview: degree-weighted repulsion through a Barnes–Hut
/// quadtree, linear attraction along ties, gravity towards the centre, and ForceAtlas2's adaptive global and
/// per-node speeds, which damp the points that swing. The start is a spiral in breadth-first order, so tied
/// actors start close, and everything is deterministic: the same graph gives the same picture, which is what lets
/// the API cache a layout per graph version. The repulsion pass runs in parallel over points, each summing its own
/// forces in a fixed order, so the answer does not depend on the number of threads.
/// </summary>
public static class ForceLayout
{
    /// <summary>ForceAtlas2's repulsion scaling (larger spreads the drawing): Gephi's defaults, 10 below 100 nodes, else 2.</summary>
    public static double ScalingFor(int nodes) => nodes < 100 ? 10.0 : 2.0;

    public const double Gravity = 1.0;
    /// <summary>Barnes–Hut accuracy: ForceAtlas2's default. Lower is more exact and slower.</summary>
    public const double Theta = 1.2;

    private const double JitterTolerance = 1.0;
    private const double MinSpeedEfficiency = 0.05;
    private const double MaxRise = 0.5;

    /// <summary>Iterations for a graph of this size: more for small graphs (cheap), fewer per point for large ones.</summary>
    public static int IterationsFor(int nodes) => Math.Clamp(3_000_000 / Math.Max(nodes, 1), 150, 600);

    /// <summary>Positions for <paramref name="nodes"/> points tied by the pairs (sources[k], targets[k]).</summary>
    public static (float[] X, float[] Y) Run(int nodes, int[] sources, int[] targets, int iterations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        var state = new LayoutState(nodes, sources, targets);
        for (var i = 0; i < iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Step(cancellationToken);
        }
        return (state.X, state.Y);
    }

    private sealed class LayoutState
    {
        private readonly int[] _sources;
        private readonly int[] _targets;
        private readonly float[] _mass;
        private readonly double[] _fx;
        private readonly double[] _fy;
        private readonly double[] _oldFx;
        private readonly double[] _oldFy;
        private readonly QuadTree _tree = new();
        private readonly double _scaling;
        private double _speed = 1;
        private double _speedEfficiency = 1;

        public LayoutState(int nodes, int[] sources, int[] targets)
        {
            _sources = sources;
            _targets = targets;
            var adjacency = Adjacency.Of(nodes, sources, targets);
            _scaling = ScalingFor(nodes);
            _mass = new float[nodes];
            for (var v = 0; v < nodes; v++)
            {
                _mass[v] = adjacency.Degree(v) + 1;
            }
            (X, Y) = SpiralStart(adjacency);
            _fx = new double[nodes];
            _fy = new double[nodes];
            _oldFx = new double[nodes];
            _oldFy = new double[nodes];
        }

        public float[] X { get; }

        public float[] Y { get; }

        public void Step(CancellationToken cancellationToken)
        {
            Array.Copy(_fx, _oldFx, _fx.Length);
            Array.Copy(_fy, _oldFy, _fy.Length);
            _tree.Build(X, Y, _mass);
            Parallel.For(0, X.Length, new ParallelOptions { CancellationToken = cancellationToken, TaskScheduler = TaskScheduler.Current }, RepelAndPull);
            Attract();
            Move();
        }

        private void RepelAndPull(int i)
        {
            var (fx, fy) = _tree.Repulsion(i, X, Y, _mass, _scaling, Theta);
            var distance = Math.Sqrt((X[i] * (double)X[i]) + (Y[i] * (double)Y[i]));
            if (distance > 0)
            {
                var pull = Gravity * _mass[i] / distance;
                fx -= X[i] * pull;
                fy -= Y[i] * pull;
            }
            _fx[i] = fx;
            _fy[i] = fy;
        }

        /// <summary>ForceAtlas2's linear attraction: each tie pulls its two ends together by their distance.</summary>
        private void Attract()
        {
            for (var k = 0; k < _sources.Length; k++)
            {
                int u = _sources[k], v = _targets[k];
                double dx = X[v] - X[u], dy = Y[v] - Y[u];
                _fx[u] += dx;
                _fy[u] += dy;
                _fx[v] -= dx;
                _fy[v] -= dy;
            }
        }

        /// <summary>ForceAtlas2's adaptive speed: a global speed from how much the points swing versus how much they
        /// travel, and a per-node brake on swinging points.</summary>
        private void Move()
        {
            double swinging = 0, traction = 0;
            for (var i = 0; i < X.Length; i++)
            {
                swinging += _mass[i] * Length(_fx[i] - _oldFx[i], _fy[i] - _oldFy[i]);
                traction += _mass[i] * 0.5 * Length(_fx[i] + _oldFx[i], _fy[i] + _oldFy[i]);
            }
            AdaptSpeed(swinging, traction);
            for (var i = 0; i < X.Length; i++)
            {
                var swing = _mass[i] * Length(_fx[i] - _oldFx[i], _fy[i] - _oldFy[i]);
                var factor = _speed / (1 + Math.Sqrt(_speed * swing));
                X[i] += (float)(_fx[i] * factor);
                Y[i] += (float)(_fy[i] * factor);
            }
        }

        private void AdaptSpeed(double swinging, double traction)
        {
            var n = (double)X.Length;
            var optimal = 0.05 * Math.Sqrt(n);
            var minJitter = Math.Sqrt(optimal);
            var jitter = JitterTolerance * Math.Max(minJitter, Math.Min(10, optimal * traction / (n * n)));
            if (traction > 0 && swinging / traction > 2.0)
            {
                if (_speedEfficiency > MinSpeedEfficiency)
                {
                    _speedEfficiency *= 0.5;
                }
                jitter = Math.Max(jitter, JitterTolerance);
            }
            var target = swinging > 0 ? jitter * _speedEfficiency * traction / swinging : double.MaxValue;
            if (swinging > jitter * traction)
            {
                if (_speedEfficiency > MinSpeedEfficiency)
                {
                    _speedEfficiency *= 0.7;
                }
            }
            else if (_speed < 1000)
            {
                _speedEfficiency *= 1.3;
            }
            _speed += Math.Min(target - _speed, MaxRise * _speed);
        }

        private static double Length(double dx, double dy) => Math.Sqrt((dx * dx) + (dy * dy));

        /// <summary>Points on a sunflower spiral in breadth-first order from the best-connected actor of each
        /// component, so neighbours start near each other and the force passes have less to untangle.</summary>
        private static (float[] X, float[] Y) SpiralStart(Adjacency adjacency)
        {
            var n = adjacency.Nodes;
            var x = new float[n];
            var y = new float[n];
            var order = adjacency.BreadthFirstOrder();
            var goldenAngle = Math.PI * (3 - Math.Sqrt(5));
            for (var rank = 0; rank < n; rank++)
            {
                var radius = 10 * Math.Sqrt(rank + 0.5);
                x[order[rank]] = (float)(radius * Math.Cos(rank * goldenAngle));
                y[order[rank]] = (float)(radius * Math.Sin(rank * goldenAngle));
            }
            return (x, y);
        }
    }
}
