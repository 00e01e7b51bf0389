using GraphApi.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>
/// The server starts beside the graph's load, so until the host has started a request waits at the gate (as it
/// waited for the port before), the health endpoints pass (live, and not ready), and a start that fails instead
/// closes the waiting requests' connections without reaching the app.
/// </summary>
public sealed class StartGateTests
{
    [Fact]
    public async Task A_request_before_the_start_waits_for_it_then_goes_on()
    {
        var lifetime = new Lifetime();
        var reached = 0;
        var gate = Gate(lifetime, () => reached++);

        var waiting = gate.InvokeAsync(Request("/api/actors"));
        await Task.Delay(50, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, reached);

        lifetime.Started.Cancel();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(1, reached);
        await gate.InvokeAsync(Request("/api/actors")); // once started, nothing waits
        Assert.Equal(2, reached);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/HEALTH/ready")]
    public async Task The_health_endpoints_answer_during_the_start(string path)
    {
        var reached = 0;
        await Gate(new Lifetime(), () => reached++).InvokeAsync(Request(path));
        Assert.Equal(1, reached);
    }

    [Fact]
    public async Task A_start_that_fails_closes_the_waiting_requests_unanswered_without_reaching_the_app()
    {
        var lifetime = new Lifetime();
        var reached = 0;
        var gate = Gate(lifetime, () => reached++);
        var context = Request("/api/routes/introductions");
        var aborted = new AbortRecorder();
        context.Features.Set<IHttpRequestLifetimeFeature>(aborted);
        var waiting = gate.InvokeAsync(context);

        lifetime.Stopping.Cancel();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(0, reached);
        Assert.True(aborted.Aborted);
        Assert.Equal(0, context.Response.Body.Length);
    }

    private static StartGate Gate(Lifetime lifetime, Action reached) =>
        new(_ => { reached(); return Task.CompletedTask; }, lifetime);

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private sealed class AbortRecorder : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }
        public CancellationToken RequestAborted { get; set; }
        public void Abort() => Aborted = true;
    }
    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationTokenSource Stopping { get; } = new();
        public CancellationTokenSource Stopped { get; } = new();

        CancellationToken IHostApplicationLifetime.ApplicationStarted => Started.Token;
        CancellationToken IHostApplicationLifetime.ApplicationStopping => Stopping.Token;
        CancellationToken IHostApplicationLifetime.ApplicationStopped => Stopped.Token;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
            Stopped.Dispose();
        }
    }
}
