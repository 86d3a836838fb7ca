using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>A consistent copy of the sandbox's orders (as ShipStation returns them) and labels.</summary>
public sealed record ShipStationSandboxState(IReadOnlyList<JsonObject> Orders, IReadOnlyList<ShipStationShipment> Shipments)
{
    /// <summary>The order with this orderKey, or null.</summary>
    public JsonObject? OrderByKey(string orderKey) =>
        Orders.FirstOrDefault(o => (string?)o["orderKey"] == orderKey);
}
