namespace ErpBridge.Core.Operators;

/// <summary>Messages as an operator looks for them: searched with paging, and one message whole.</summary>
public interface IMessageBrowser
{
    /// <summary>The newest matching messages first, at most <see cref="MessageSearch.Limit"/>, after the search's cursor.</summary>
    Task<IReadOnlyList<MessageSummary>> SearchAsync(MessageSearch search, CancellationToken cancellationToken);

    Task<MessageDetail?> GetAsync(string messageId, CancellationToken cancellationToken);
}
