using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class ConnectorTransportTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);

    [Test]
    public async Task Send_Success_ReturnsTheBody_WithTheCredentialsAndJsonHeaders()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":7}") });

        var response = await Transport(handler).SendAsync(HttpMethod.Post, "things?x=1", Encoding.UTF8.GetBytes("{}"), [new("Idempotency-Key", "k-1")], CancellationToken.None);

        Assert.That(response.Failure, Is.Null);
        Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("{\"id\":7}"));
        var request = handler.Requests.Single();
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://store.example/api/things?x=1")));
        Assert.That(request.Headers.GetValues("X-Token").Single(), Is.EqualTo("secret"));
        Assert.That(request.Headers.GetValues("Idempotency-Key").Single(), Is.EqualTo("k-1"));
        Assert.That(request.Headers.Accept.ToString(), Is.EqualTo("application/json"));
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Send_ServiceUnavailableWithAnHttpDate_IsTransient_WaitingByTheInjectedClock()
    {
        var handler = FakeHandler.Answering(() =>
        {
            var answer = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            answer.Headers.TryAddWithoutValidation("Retry-After", (Now + TimeSpan.FromSeconds(40)).ToString("r", CultureInfo.InvariantCulture));
            return answer;
        });

        var response = await Transport(handler).SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);

        Assert.That(response.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>().With.Property("RetryAfter").EqualTo(TimeSpan.FromSeconds(40)));
        Assert.That(response.Status, Is.EqualTo(503));
    }

    [Test]
    public async Task Send_ConnectionRefused_IsTransient()
    {
        var handler = new FakeHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var response = await Transport(handler).SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);

        Assert.That(response.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(response.Failure!.Describe(), Does.Contain("could not connect").And.Contain("GET things").And.Contain("channel 'shop'"));
        Assert.That(response.Status, Is.Null);
    }

    [Test]
    public async Task Send_NoAnswerWithinTheRequestTimeout_IsTransient()
    {
        var handler = new FakeHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var response = await Transport(handler, TimeSpan.FromMilliseconds(100)).SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);

        Assert.That(response.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(response.Failure!.Describe(), Does.Contain("did not answer GET things").And.Contain("timed out"));
    }

    [Test]
    public void Send_CallerCancels_IsNoFailureButCancellation()
    {
        var handler = new FakeHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await Transport(handler).SendAsync(HttpMethod.Get, "things", null, [], cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Send_UnreachableUnderAWatch_IsNoted_AndStillAValue()
    {
        var handler = new FakeHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var transport = Transport(handler);

        using (var watch = ConnectorTransport.WatchReachability())
        {
            var response = await transport.SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);
            Assert.That(response.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
            Assert.That(watch.Unreachable, Does.Contain("Connection refused").And.Contain("channel 'shop'"));
        }

        using (var answered = ConnectorTransport.WatchReachability())
        {
            var ok = Transport(FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NotFound)));
            await ok.SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);
            Assert.That(answered.Unreachable, Is.Null, "an answer, even a 404, is a store that was reached");
        }
    }

    [Test]
    public async Task Send_RedirectWithTheRealHandler_IsNotFollowed_AndTheTargetNeverSeesTheCredentials()
    {
        await using var target = await StubStore.StartAsync(context => context.Response.WriteAsync("{}"));
        await using var store = await StubStore.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(target.BaseAddress, "stolen").ToString();
            return Task.CompletedTask;
        });
        var options = new TestOptions();
        var transport = new ConnectorTransport(
            ConnectorHttpClients.Create(options),
            new ChannelEndpoint("Store", "shop", store.BaseAddress.ToString(), new Uri(store.BaseAddress, "api/")),
            HeaderCredentials.Bearer("secret-token"),
            new FixedRatePacer(clock, null),
            new StatusClassifier("Store", "shop", new RetryAfterReader(clock, TimeSpan.FromMinutes(5))),
            TimeSpan.FromSeconds(10),
            clock,
            NullLogger.Instance);

        var response = await transport.SendAsync(HttpMethod.Get, "things", null, [], CancellationToken.None);

        Assert.That(response.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(response.Failure!.Describe(), Does.Contain("302").And.Contain("stolen").And.Contain("not followed"));
        Assert.That(store.Requests.Single().Authorization, Is.EqualTo("Bearer secret-token"));
        Assert.That(target.Requests, Is.Empty, "the redirect target is never asked, with or without the token");
    }

    private ConnectorTransport Transport(FakeHandler handler, TimeSpan? timeout = null) =>
        new(
            handler,
            new ChannelEndpoint("Store", "shop", "https://store.example/", new Uri("https://store.example/api/")),
            new HeaderCredentials("token", "X-Token", "secret", "***"),
            new FixedRatePacer(clock, null),
            new StatusClassifier("Store", "shop", new RetryAfterReader(clock, TimeSpan.FromMinutes(5))),
            timeout ?? TimeSpan.FromSeconds(30),
            clock,
            NullLogger.Instance);

    private sealed class TestOptions : ConnectorOptions;
}
