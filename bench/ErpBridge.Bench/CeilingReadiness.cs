namespace ErpBridge.Bench;

/// <summary>Polls the ceiling child until it answers HTTP at all, it exits, or time runs out.</summary>
internal sealed class CeilingReadiness(TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>True when something already listens on the ceiling URL before the child starts.</summary>
    public static async Task<bool> IsTakenAsync(Uri url, CancellationToken cancellationToken)
    {
        using var client = CreateProbeClient();
        return await AnswersAsync(client, url, cancellationToken);
    }

    public async Task<bool> WaitAsync(CeilingProcess process, Uri url, CancellationToken cancellationToken)
    {
        using var client = CreateProbeClient();
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < Timeout && !process.HasExited)
        {
            if (await AnswersAsync(client, url, cancellationToken))
            {
                return true;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        return false;
    }

    private static HttpClient CreateProbeClient()
    {
        var client = BenchHttpClient.Create(1);
        client.Timeout = TimeSpan.FromSeconds(1);
        return client;
    }

    /// <summary>Any HTTP response (a GET gets 405) means Kestrel is listening.</summary>
    private static async Task<bool> AnswersAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
