using ErpBridge.Core.Threading;

namespace ErpBridge.Tests.Core;

public sealed class WaitingQueueTests
{
    [Test]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var queue = new WaitingQueue<int>();
        foreach (var item in new[] { 3, 1, 2 })
        {
            Assert.That(queue.TryAdd(item), Is.True);
        }

        var taken = new List<int>();
        while (queue.TryTake(out var item))
        {
            taken.Add(item);
        }

        Assert.That(taken, Is.EqualTo(new[] { 3, 1, 2 }));
    }

    [Test]
    public void A_blocked_consumer_wakes_for_an_item_added_from_another_thread()
    {
        var queue = new WaitingQueue<string>();
        string? got = null;
        var consumer = new Thread(() => got = queue.Take(out var item) ? item : null) { IsBackground = true };
        consumer.Start();
        Assert.That(consumer.Join(TimeSpan.FromMilliseconds(200)), Is.False, "Take must block while the queue is empty");

        queue.TryAdd("stock");

        Assert.That(consumer.Join(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(got, Is.EqualTo("stock"));
    }

    [Test]
    public void Completing_lets_consumers_take_what_is_left_then_stop_and_refuses_new_items()
    {
        var queue = new WaitingQueue<int>();
        queue.TryAdd(7);
        var waiting = Enumerable.Range(0, 3).Select(_ => new Thread(() => queue.Take(out _)) { IsBackground = true }).ToList();
        queue.Complete();
        waiting.ForEach(t => t.Start());

        Assert.That(waiting.All(t => t.Join(TimeSpan.FromSeconds(10))), Is.True, "every consumer returns once the queue is completed");
        Assert.That(queue.TryAdd(8), Is.False);
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void Many_producers_and_consumers_lose_and_repeat_nothing()
    {
        var queue = new WaitingQueue<int>();
        var taken = new System.Collections.Concurrent.ConcurrentBag<int>();
        var consumers = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            while (queue.Take(out var item))
            {
                taken.Add(item);
            }
        })
        { IsBackground = true }).ToList();
        consumers.ForEach(t => t.Start());

        Parallel.For(0, 4, producer =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                queue.TryAdd((producer * 5_000) + i);
            }
        });
        queue.Complete();

        Assert.That(consumers.All(t => t.Join(TimeSpan.FromSeconds(30))), Is.True);
        Assert.That(taken.Order(), Is.EqualTo(Enumerable.Range(0, 20_000)));
    }
}
