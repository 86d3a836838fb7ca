using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// A pacer that also holds a budget a wait cannot fix within a delivery (Zoho's daily request cap): while it is used
/// up, the transport sends nothing and answers with the transient failure this returns, retried after the reset.
/// </summary>
internal interface IRequestBudget
{
    /// <summary>Null while requests may go; otherwise why not, with the wait until the budget is renewed.</summary>
    DeliveryOutcome.TransientFailure? Exhausted();
}
