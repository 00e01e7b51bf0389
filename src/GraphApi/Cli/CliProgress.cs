using System.Globalization;
using Spectre.Console;

namespace GraphApi.Cli;

/// <summary>
/// Progress of a long verb on stderr (stdout may carry the export itself). On a terminal, a Spectre.Console bar per
/// item, with percentage and time left when the total is known; in logs and CI (stderr redirected), a plain line per
/// <see cref="PlainEvery"/> units, so the record stays readable.
/// </summary>
public sealed class CliProgress
{
    private readonly ProgressContext? _bars;
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private CliProgress(ProgressContext? bars, long plainEvery)
    {
        _bars = bars;
        PlainEvery = plainEvery;
    }

    /// <summary>How far apart the plain lines are, in the items' own unit (bytes).</summary>
    public long PlainEvery { get; }

    /// <summary>Runs <paramref name="work"/> with progress shown the way stderr allows.</summary>
    public static async Task<T> RunAsync<T>(long plainEvery, Func<CliProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Console.IsErrorRedirected)
        {
            return await work(new CliProgress(null, plainEvery));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new CliProgress(context, plainEvery)));
    }

    /// <summary>Reports that <paramref name="done"/> of <paramref name="total"/> (null: unknown) units of an item are through.</summary>
    public void Report(string item, long done, long? total, string? detail = null)
    {
        lock (_lock)
        {
            if (!_items.TryGetValue(item, out var state))
            {
                _items[item] = state = new Item(_bars?.AddTask(Markup.Escape(item), maxValue: total ?? 1));
                if (state.Bar is { } added && total is null)
                {
                    added.IsIndeterminate = true;
                }
            }
            if (state.Bar is { } bar)
            {
                bar.Value = total is null ? 0 : done;
                bar.Description = Markup.Escape(Describe(item, done, total, detail));
            }
            else if (done - state.LastPrinted >= PlainEvery)
            {
                state.LastPrinted = done;
                Console.Error.WriteLine(Describe(item, done, total, detail));
            }
        }
    }

    /// <summary>Marks an item finished (its bar full).</summary>
    public void Done(string item)
    {
        lock (_lock)
        {
            if (_items.TryGetValue(item, out var state) && state.Bar is { } bar)
            {
                bar.IsIndeterminate = false;
                bar.Value = bar.MaxValue;
                bar.StopTask();
            }
        }
    }

    private static string Describe(string item, long done, long? total, string? detail)
    {
        var amount = total is { } all and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Megabytes(done)} of {Megabytes(all)} ({100.0 * done / all:F0} %)")
            : Megabytes(done);
        return detail is null ? $"{item}: {amount}" : $"{item}: {detail}, {amount}";
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:F1} MB");

    private sealed class Item(ProgressTask? bar)
    {
        public ProgressTask? Bar { get; } = bar;

        public long LastPrinted { get; set; }
    }
}
