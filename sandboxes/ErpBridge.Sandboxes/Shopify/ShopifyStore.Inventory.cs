namespace ErpBridge.Sandboxes.Shopify;

internal sealed partial class ShopifyStore
{
    /// <summary>The reasons Shopify accepts for quantity changes.</summary>
    private static readonly HashSet<string> Reasons =
    [
        "correction", "cycle_count_available", "damaged", "movement_created", "movement_updated", "movement_received",
        "movement_canceled", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
    ];

    private readonly Dictionary<string, (string Fingerprint, SetQuantitiesResult Result)> idempotent = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets quantities all-or-nothing. With an idempotency key, the same key and input replays the first result
    /// without a second effect; the same key with a different input is refused.
    /// </summary>
    public SetQuantitiesResult SetQuantities(Dictionary<string, object?> input, string? idempotencyKey, out string outcome)
    {
        var fingerprint = GraphQL.PlainJson.Canonical(input);
        if (idempotencyKey is not null && idempotent.TryGetValue(idempotencyKey, out var earlier))
        {
            if (earlier.Fingerprint == fingerprint)
            {
                outcome = "replayed";
                return earlier.Result;
            }

            outcome = "rejected: IDEMPOTENCY_KEY_PARAMETER_MISMATCH";
            return new SetQuantitiesResult(null, [new UserError(null, "The same idempotency key cannot be used with different operation parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")]);
        }

        var result = Apply(input);
        outcome = result.Errors.Count == 0 ? "applied" : $"rejected: {result.Errors[0].Code}";
        if (idempotencyKey is not null)
        {
            idempotent[idempotencyKey] = (fingerprint, result);
        }

        return result;
    }

    private SetQuantitiesResult Apply(Dictionary<string, object?> input)
    {
        var errors = new List<UserError>();
        var name = (string)input["name"]!;
        if (name is not ("available" or "on_hand"))
        {
            errors.Add(new UserError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        }

        var reason = (string)input["reason"]!;
        if (!Reasons.Contains(reason))
        {
            errors.Add(new UserError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
        }

        if (input.GetValueOrDefault("referenceDocumentUri") is string uri && !IsReferenceUri(uri))
        {
            errors.Add(new UserError(["input", "referenceDocumentUri"], "The specified reference document is invalid.", "INVALID_REFERENCE_DOCUMENT"));
        }

        var planned = new List<(InventoryItemEntity Item, LocationEntity Location, int Quantity)>();
        var seen = new HashSet<(string, string)>();
        var quantities = (List<object?>)input["quantities"]!;
        for (var i = 0; i < quantities.Count; i++)
        {
            var entry = (Dictionary<string, object?>)quantities[i]!;
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var item = Item((string)entry["inventoryItemId"]!);
            var location = Location((string)entry["locationId"]!);
            var quantity = (int)entry["quantity"]!;
            if (item is null)
            {
                errors.Add(new UserError(["input", "quantities", index, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
            }

            if (location is null)
            {
                errors.Add(new UserError(["input", "quantities", index, "locationId"], "The specified location could not be found.", "INVALID_LOCATION"));
            }

            if (quantity < 0)
            {
                errors.Add(new UserError(["input", "quantities", index, "quantity"], "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
            }
            else if (quantity > 1_000_000_000)
            {
                errors.Add(new UserError(["input", "quantities", index, "quantity"], "The total quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
            }

            if (item is null || location is null)
            {
                continue;
            }

            if (!seen.Add((item.Id, location.Id)))
            {
                errors.Add(new UserError(["input", "quantities", index], "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
                continue;
            }

            if (Available(item, location) is not { } current)
            {
                errors.Add(new UserError(["input", "quantities", index, "locationId"], "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION"));
                continue;
            }

            // 2026-01: an explicit integer is compared with the stored quantity; explicit null or absence skips the check.
            if (entry.TryGetValue("changeFromQuantity", out var from) && from is int expected && expected != current)
            {
                errors.Add(new UserError(["input", "quantities", index, "changeFromQuantity"], "The changeFromQuantity argument no longer matches the persisted quantity.", "CHANGE_FROM_QUANTITY_STALE"));
                continue;
            }

            planned.Add((item, location, quantity));
        }

        if (errors.Count > 0)
        {
            return new SetQuantitiesResult(null, errors);
        }

        var changes = new List<AdjustmentChange>();
        foreach (var (item, location, quantity) in planned)
        {
            var before = levels[(item.Id, location.Id)];
            levels[(item.Id, location.Id)] = quantity;
            changes.Add(new AdjustmentChange(name, quantity - before, quantity, item, location));
        }

        var group = new AdjustmentGroup($"gid://shopify/InventoryAdjustmentGroup/{Next()}", time.GetUtcNow(), reason, input.GetValueOrDefault("referenceDocumentUri") as string, changes);
        return new SetQuantitiesResult(group, []);
    }

    private static bool IsReferenceUri(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme.Length > 0 &&
        (parsed.Scheme != "gid" || uri.Split('/', StringSplitOptions.RemoveEmptyEntries).Length >= 4);
}
