namespace GraphApi.Hosting;

/// <summary>The host's lifetime tokens as tasks, for code that waits on them beside other work.</summary>
internal static class LifetimeTasks
{
    /// <summary>A task that completes when <paramref name="token"/> fires (at once when it has already fired); it never faults.</summary>
    public static Task When(CancellationToken token)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => signal.TrySetResult());
        return signal.Task;
    }
}
