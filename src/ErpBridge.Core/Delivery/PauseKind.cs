namespace ErpBridge.Core.Delivery;

/// <summary>Who paused a channel, which says who may lift the pause. Stored by name.</summary>
public enum PauseKind
{
    /// <summary>The store refused the channel's credentials (401/403): a probe that delivers lifts it, or an operator.</summary>
    Credentials,

    /// <summary>An operator (<c>channels pause</c>): only an operator lifts it.</summary>
    Operator,
}
