using System.Text.Json;
using GraphApi.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>
/// The server starts beside the graph's load, so until the host has started a request waits at the gate (as it
/// waited for the port before), the health endpoints pass (live, and not ready), and a start that fails instead
/// answers the waiting requests 503 without reaching the app.
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
    public async Task A_start_that_fails_answers_the_waiting_requests_503_without_reaching_the_app()
    {
        var lifetime = new Lifetime();
        var reached = 0;
        var gate = Gate(lifetime, () => reached++);
        var context = Request("/api/routes/introductions");
        var waiting = gate.InvokeAsync(context);

        lifetime.Stopping.Cancel();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(0, reached);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: CancellationToken.None);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The service is stopping", problem.RootElement.GetProperty("title").GetString());
    }

    private static StartGate Gate(Lifetime lifetime, Action reached)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new StartGate(_ => { reached(); return Task.CompletedTask; }, lifetime, services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>());
    }

    private static DefaultHttpContext Request(string path)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
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
