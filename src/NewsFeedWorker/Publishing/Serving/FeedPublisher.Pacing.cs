namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Pacing of the publishes the scrape cycle asks for: a request with no publish in the last
/// <see cref="PublishingOptions.MinPublishInterval"/> publishes at once (the leading edge, awaited by the caller);
/// requests inside the interval schedule one trailing publish when it ends, and return at once. During a busy cycle
/// that is one publish per interval instead of one per source, and the last change is always exported.
/// </summary>
public sealed partial class FeedPublisher
{
    private readonly Lock pacing = new();
    private readonly CancellationTokenSource stopping = new();
    private DateTimeOffset nextAllowed = DateTimeOffset.MinValue;
    private Task? running;
    private bool trailingPending;
    private Task trailing = Task.CompletedTask;
    private bool disposed;

    /// <summary>
    /// Asks for a publish of what the store holds now. Returns when it is done (no publish in the last interval) or at
    /// once when one is scheduled for the end of the interval, which starts after this call and so covers it.
    /// </summary>
    public Task RequestPublishAsync(CancellationToken cancellationToken)
    {
        lock (pacing)
        {
            if (trailingPending)
            {
                return Task.CompletedTask;
            }

            if (running is null && time.GetUtcNow() >= nextAllowed)
            {
                running = PublishThenRestAsync(cancellationToken);
                return running;
            }

            trailingPending = true;
            trailing = PublishTrailingAsync();
            return Task.CompletedTask;
        }
    }

    /// <summary>Runs a scheduled trailing publish now instead of at the end of its interval, then waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        bool pending;
        lock (pacing)
        {
            // Disposing twice (the host, then a container that owns it too) does nothing the second time.
            if (disposed)
            {
                return;
            }

            pending = trailingPending;
            trailingPending = false;
        }

        await stopping.CancelAsync();
        await trailing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (running is { } busy)
        {
            await busy.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (pending)
        {
            try
            {
                await PublishAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PublishFailed(logger, ex);
            }
        }

        Dispose();
    }

    public void Dispose()
    {
        lock (pacing)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
        }

        stopping.Dispose();
        oneAtATime.Dispose();
    }

    private async Task PublishThenRestAsync(CancellationToken cancellationToken)
    {
        // Started under the pacing lock: leave it before doing any work.
        await Task.Yield();
        try
        {
            await PublishAsync(cancellationToken);
        }
        finally
        {
            lock (pacing)
            {
                running = null;
                nextAllowed = time.GetUtcNow() + options.Value.MinPublishInterval;
            }
        }
    }

    private async Task PublishTrailingAsync()
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                Task? busy;
                TimeSpan wait;
                var own = false;
                lock (pacing)
                {
                    busy = running;
                    wait = nextAllowed - time.GetUtcNow();
                    if (busy is null && wait <= TimeSpan.Zero)
                    {
                        trailingPending = false;
                        running = busy = PublishThenRestAsync(stopping.Token);
                        own = true;
                    }
                }

                if (own)
                {
                    await busy!;
                    return;
                }

                if (busy is not null)
                {
                    // Its interval starts when it ends.
                    await busy.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                else
                {
                    await Task.Delay(wait, time, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: DisposeAsync publishes what was pending.
        }
        catch (Exception ex)
        {
            // Nobody awaits a trailing publish: this is its boundary. The next request publishes again.
            Log.PublishFailed(logger, ex);
        }
    }
}
