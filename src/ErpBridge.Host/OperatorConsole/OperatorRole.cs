namespace ErpBridge.Host.OperatorConsole;

/// <summary>What a console operator may do.</summary>
public enum OperatorRole
{
    /// <summary>Reads every page and downloads CSV files.</summary>
    Viewer,

    /// <summary>A viewer who also acts: resubmit, discard, pause, resume, start a reconciliation.</summary>
    Operator,
}
