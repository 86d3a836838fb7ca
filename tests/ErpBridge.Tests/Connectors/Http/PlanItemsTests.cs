using System.Xml.Linq;
using ErpBridge.Connectors.Http;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Connectors.Http;

/// <summary>The shared per-item mechanism: an item element whose reference does not resolve is left out of its call, alone.</summary>
public sealed class PlanItemsTests
{
    private static readonly XNamespace Fn = JsonXml.Namespace;

    [Test]
    public void Prune_LeavesOutOnlyTheItemsWhoseReferencesDoNotResolve_AndReportsEachWithItsReason()
    {
        var call = Call(("A", "WH1"), ("GHOST", "WH1"), ("B", "NOWHERE"));

        var pruned = PlanItems.Prune(call, r => r.Key is "GHOST" or "NOWHERE" ? $"{r.Kind} '{r.Key}' is not on the store" : null);

        Assert.That(pruned.Failed.Select(f => (f.Key, f.Reason)), Is.EqualTo(new[]
        {
            ("inv:GHOST@WH1", "sku 'GHOST' is not on the store"),
            ("inv:B@NOWHERE", "location 'NOWHERE' is not on the store"),
        }));
        Assert.That(pruned.Emptied, Is.False);
        Assert.That(JsonXml.ToJson(PlanReference.Apply(pruned.Call.Body!, r => r.Key).Body!), Is.EqualTo("""{"items":[{"sku":"A","location":"WH1"}]}"""));
        Assert.That(call.Body!.Element(Fn + "array")!.Elements().Count(), Is.EqualTo(3), "the plan itself is left as it was");
    }

    [Test]
    public void Prune_WhenEveryItemFails_SaysTheCallIsEmptied()
    {
        var pruned = PlanItems.Prune(Call(("GHOST", "WH1")), _ => "unknown");

        Assert.That((pruned.Emptied, pruned.Failed.Single().Key), Is.EqualTo((true, "inv:GHOST@WH1")));
    }

    [Test]
    public void Prune_ABodyWithoutItems_IsLeftToFailAsAWhole()
    {
        var call = new PlanCall("c", "POST", "p", [], [], new XElement(Fn + "map", new XElement(Fn + "string", new XAttribute("key", "sku"), new XAttribute(PlanReference.RefAttribute, "sku"), new XAttribute(PlanReference.KeyAttribute, "GHOST"))));

        var pruned = PlanItems.Prune(call, _ => "unknown");

        Assert.That((pruned.Call, pruned.Failed.Count, pruned.Emptied), Is.EqualTo((call, 0, false)));
    }

    private static PlanCall Call(params (string Sku, string Location)[] items) => new(
        "set-stock-1", "POST", "stock", [], [],
        new XElement(Fn + "map", new XElement(Fn + "array", new XAttribute("key", "items"), items.Select(i => new XElement(
            Fn + "map",
            new XAttribute(PlanItems.ItemAttribute, $"inv:{i.Sku}@{i.Location}"),
            new XElement(Fn + "string", new XAttribute("key", "sku"), new XAttribute(PlanReference.RefAttribute, "sku"), new XAttribute(PlanReference.KeyAttribute, i.Sku)),
            new XElement(Fn + "string", new XAttribute("key", "location"), new XAttribute(PlanReference.RefAttribute, "location"), new XAttribute(PlanReference.KeyAttribute, i.Location)))))));
}
