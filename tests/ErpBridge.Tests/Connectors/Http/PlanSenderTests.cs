using System.Net;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class PlanSenderTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Execute_MakesTheCallsInOrder_AndReportsHowManyWereSent()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));

        var outcome = await Sender(handler, new Steps()).ExecuteAsync(Plan("a", "b", "c"), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>().With.Property("Detail").EqualTo("3 of 3 call(s) sent on channel 'shop'"));
        Assert.That(handler.Requests.Select(r => r.RequestUri!.AbsolutePath), Is.EqualTo(new[] { "/api/a", "/api/b", "/api/c" }));
    }

    [Test]
    public async Task Execute_NamesTheCallsTheStoreConfirmed_NotThoseItsConditionLeftOut()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));

        var outcome = await Sender(handler, new Steps { Skip = "b" }).ExecuteAsync(Plan("a", "b", "c"), CancellationToken.None);

        // Delivery reads them: a product drafted for lack of a price is recorded only when its call went through.
        Assert.That(((DeliveryOutcome.Delivered)outcome).SentCalls, Is.EqualTo(new[] { "a", "c" }));
        Assert.That(outcome.Describe(), Does.Contain("2 of 3 call(s) sent"));
    }

    [Test]
    public async Task Execute_StopsAtTheFirstFailure_SayingWhichCallAndHowManyWentBefore()
    {
        var handler = new FakeHandler((request, _) => Task.FromResult(new HttpResponseMessage(
            request.RequestUri!.AbsolutePath.EndsWith("/b", StringComparison.Ordinal) ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK)));

        var outcome = await Sender(handler, new Steps()).ExecuteAsync(Plan("a", "b", "c"), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(outcome.Describe(), Does.StartWith("Store 422 on POST b (channel 'shop')").And.EndWith("(call 'b' (2 of 3); 1 earlier request(s) of the plan succeeded)"));
        Assert.That(handler.Requests, Has.Count.EqualTo(2), "c is never sent");
    }

    [Test]
    public async Task Execute_MissingReference_SendsNothingOfThatCall()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));

        var outcome = await Sender(handler, new Steps { Missing = "b" }).ExecuteAsync(Plan("a", "b"), CancellationToken.None);

        Assert.That(outcome.Describe(), Is.EqualTo("SKU 'X' is not on channel 'shop'; call 'b' (2 of 2) not sent"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Execute_ResolveFailure_IsTheOutcome_AndNothingIsSent()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));
        var refused = new DeliveryOutcome.PermanentFailure("bad token");

        var outcome = await Sender(handler, new Steps { Failure = refused }).ExecuteAsync(Plan("a"), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(refused));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Prepare_ShowsTheRequestsWithMaskedCredentials_AndSendsNothing()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));

        var calls = await Sender(handler, new Steps()).PrepareAsync(Plan("a", "b"), CancellationToken.None);

        Assert.That(calls.Select(c => c.Url.ToString()), Is.EqualTo(new[] { "https://store.example/api/a", "https://store.example/api/b" }));
        Assert.That(calls[0].Headers, Does.Contain(new KeyValuePair<string, string>("X-Token", "***")));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Prepare_StoreUnreachableWhileResolving_ThrowsStoreUnreachable()
    {
        var handler = new FakeHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var steps = new Steps();
        var sender = Sender(handler, steps);
        steps.LookUp = sender;

        var exception = await Assert.ThrowsAsync<StoreUnreachableException>(() => sender.PrepareAsync(Plan("a"), CancellationToken.None));

        Assert.That(exception!.Message, Does.StartWith("channel 'shop' cannot reach its store at https://store.example/: ").And.Contain("Connection refused"));
    }

    [Test]
    public async Task Prepare_OtherResolveFailure_ThrowsPlanPreparation()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK));

        var exception = await Assert.ThrowsAsync<PlanPreparationException>(() =>
            Sender(handler, new Steps { Failure = new DeliveryOutcome.PermanentFailure("bad token") }).PrepareAsync(Plan("a"), CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("channel 'shop'").And.Contain("bad token"));
        Assert.That(exception, Is.InstanceOf<InvalidOperationException>(), "so the dry-run command reports it as a failed command");
    }

    private PlanSender<string> Sender(FakeHandler handler, Steps steps)
    {
        var transport = new ConnectorTransport(
            handler,
            new ChannelEndpoint("Store", "shop", "https://store.example/", new Uri("https://store.example/api/")),
            new HeaderCredentials("token", "X-Token", "secret", "***"),
            new FixedRatePacer(clock, null),
            new StatusClassifier("Store", "shop", new RetryAfterReader(clock, TimeSpan.FromMinutes(5))),
            TimeSpan.FromSeconds(30),
            clock,
            NullLogger.Instance);
        steps.Transport = transport;
        return new PlanSender<string>(steps, transport);
    }

    private static RequestPlan Plan(params string[] ids) => RequestPlan.Parse(new XDocument(new XElement(RequestPlan.Ns + "plan",
        ids.Select(id => new XElement(RequestPlan.Ns + "call", new XAttribute("id", id), new XAttribute("method", "POST"), new XAttribute("path", id))))));

    /// <summary>A platform with nothing to resolve (or a given failure, or one look-up request), whose calls go to their own path.</summary>
    private sealed class Steps : IPlanSteps<string>
    {
        public DeliveryOutcome? Failure { get; init; }

        public string? Missing { get; init; }

        public string? Skip { get; init; }

        public ConnectorTransport? Transport { get; set; }

        public object? LookUp { get; set; }

        public async Task<(string? Ids, DeliveryOutcome? Failure)> ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
        {
            if (LookUp is not null)
            {
                var response = await Transport!.SendAsync(HttpMethod.Get, "lookup", null, [], cancellationToken);
                return response.Failure is null ? ("ids", null) : (null, response.Failure);
            }

            return Failure is null ? ("ids", null) : (null, Failure);
        }

        public string Copy(string ids) => ids;

        public string? Unresolvable(PlanReference reference, string live) => null;

        public PlannedCall Build(PlanCall call, string initial, string live) =>
            call.Id == Missing ? PlannedCall.Unresolved("SKU 'X' is not on channel 'shop'")
            : call.Id == Skip ? PlannedCall.Skipped("condition: product 'X' is found")
            : PlannedCall.Of(new PlannedRequest(call.Path, null));

        public DeliveryOutcome? Complete(PlanCall call, PlannedRequest request, TransportResponse response, string live, IDictionary<string, string> platformIds) =>
            response.Failure;
    }
}
