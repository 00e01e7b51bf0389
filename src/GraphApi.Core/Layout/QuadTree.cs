namespace GraphApi.Core.Layout;

/// <summary>
/// A Barnes–Hut quadtree over weighted points, rebuilt each layout iteration: far groups of points push as one mass
/// at their centre, which makes a repulsion pass O(n log n) instead of O(n²). Cells live in flat arrays (four
/// siblings side by side) so a rebuild allocates nothing once the arrays have grown.
/// </summary>
internal sealed class QuadTree
{
    /// <summary>Below this depth cells split; at it, points that still share a cell are kept as a list (coincident points).</summary>
    private const int MaxDepth = 24;

    private float[] _centreX = [];
    private float[] _centreY = [];
    private float[] _half = [];
    private double[] _mass = [];
    private double[] _massX = [];
    private double[] _massY = [];
    private int[] _firstChild = [];
    private int[] _firstBody = [];
    private int[] _nextBody = [];
    private int _cells;

    public void Build(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> mass)
    {
        if (_nextBody.Length < x.Length)
        {
            _nextBody = new int[x.Length];
        }
        _cells = 0;
        var (minX, minY, maxX, maxY) = Bounds(x, y);
        var half = Math.Max(Math.Max(maxX - minX, maxY - minY) / 2f, 1f) * 1.0001f;
        NewCell((minX + maxX) / 2f, (minY + maxY) / 2f, half);
        for (var b = 0; b < x.Length; b++)
        {
            Insert(b, x, y, mass);
        }
    }

    /// <summary>
    /// The repulsion on point <paramref name="i"/> from every other point, <c>strength · mᵢ · mⱼ / d</c> along the
    /// line between them; a cell seen under an angle below <paramref name="theta"/> counts as one point.
    /// </summary>
    public (double Fx, double Fy) Repulsion(int i, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> mass, double strength, double theta)
    {
        Span<int> stack = stackalloc int[(3 * MaxDepth) + 4];
        var top = 0;
        stack[top++] = 0;
        double fx = 0, fy = 0;
        var xi = x[i];
        var yi = y[i];
        var thetaSquared = theta * theta;
        while (top > 0)
        {
            var cell = stack[--top];
            if (_mass[cell] == 0)
            {
                continue;
            }
            if (_firstChild[cell] < 0)
            {
                for (var b = _firstBody[cell]; b >= 0; b = _nextBody[b])
                {
                    if (b != i)
                    {
                        Push(xi - x[b], yi - y[b], mass[b], ref fx, ref fy);
                    }
                }
                continue;
            }
            var dx = xi - (_massX[cell] / _mass[cell]);
            var dy = yi - (_massY[cell] / _mass[cell]);
            var size = 2.0 * _half[cell];
            if (size * size < thetaSquared * ((dx * dx) + (dy * dy)))
            {
                Push(dx, dy, _mass[cell], ref fx, ref fy);
                continue;
            }
            for (var c = 0; c < 4; c++)
            {
                stack[top++] = _firstChild[cell] + c;
            }
        }
        var scale = strength * mass[i];
        return (fx * scale, fy * scale);
    }

    /// <summary>Adds m·(dx, dy)/d², i.e. a push of m/d away from the other point; coincident points push nothing.</summary>
    private static void Push(double dx, double dy, double m, ref double fx, ref double fy)
    {
        var d2 = (dx * dx) + (dy * dy);
        if (d2 > 0)
        {
            fx += dx * m / d2;
            fy += dy * m / d2;
        }
    }

    private void Insert(int body, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> mass)
    {
        var cell = 0;
        for (var depth = 0; ; depth++)
        {
            AddMass(cell, x[body], y[body], mass[body]);
            if (_firstChild[cell] >= 0)
            {
                cell = ChildFor(cell, x[body], y[body]);
                continue;
            }
            var resident = _firstBody[cell];
            if (resident < 0 || depth >= MaxDepth)
            {
                _nextBody[body] = resident;
                _firstBody[cell] = body;
                return;
            }
            // Above MaxDepth a leaf holds one point: split it and move that point down before placing the new one.
            Split(cell);
            _firstBody[cell] = -1;
            var child = ChildFor(cell, x[resident], y[resident]);
            AddMass(child, x[resident], y[resident], mass[resident]);
            _firstBody[child] = resident;
            _nextBody[resident] = -1;
            cell = ChildFor(cell, x[body], y[body]);
        }
    }

    private void AddMass(int cell, float x, float y, float mass)
    {
        _mass[cell] += mass;
        _massX[cell] += mass * (double)x;
        _massY[cell] += mass * (double)y;
    }

    private int ChildFor(int cell, float x, float y) =>
        _firstChild[cell] + (x >= _centreX[cell] ? 1 : 0) + (y >= _centreY[cell] ? 2 : 0);

    private void Split(int cell)
    {
        var quarter = _half[cell] / 2f;
        var first = NewCell(_centreX[cell] - quarter, _centreY[cell] - quarter, quarter);
        NewCell(_centreX[cell] + quarter, _centreY[cell] - quarter, quarter);
        NewCell(_centreX[cell] - quarter, _centreY[cell] + quarter, quarter);
        NewCell(_centreX[cell] + quarter, _centreY[cell] + quarter, quarter);
        _firstChild[cell] = first;
    }

    private int NewCell(float centreX, float centreY, float half)
    {
        if (_cells == _mass.Length)
        {
            Grow(Math.Max(64, _cells * 2));
        }
        var cell = _cells++;
        _centreX[cell] = centreX;
        _centreY[cell] = centreY;
        _half[cell] = half;
        _mass[cell] = 0;
        _massX[cell] = 0;
        _massY[cell] = 0;
        _firstChild[cell] = -1;
        _firstBody[cell] = -1;
        return cell;
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _centreX, capacity);
        Array.Resize(ref _centreY, capacity);
        Array.Resize(ref _half, capacity);
        Array.Resize(ref _mass, capacity);
        Array.Resize(ref _massX, capacity);
        Array.Resize(ref _massY, capacity);
        Array.Resize(ref _firstChild, capacity);
        Array.Resize(ref _firstBody, capacity);
    }

    private static (float MinX, float MinY, float MaxX, float MaxY) Bounds(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        for (var i = 0; i < x.Length; i++)
        {
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
        }
        return x.Length == 0 ? (0, 0, 0, 0) : (minX, minY, maxX, maxY);
    }
}
