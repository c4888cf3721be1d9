using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Vms.Server.Features.Calls.Records;

/// <summary>
/// Writes call records in batches on a background loop. <see cref="Enqueue"/> never blocks a call. When the store
/// fails, batches go to the spool file; while the spool holds records, new batches are appended behind them (order
/// kept) and <see cref="ReplayAsync"/> moves them all into the store once it answers again. Nothing is lost.
/// </summary>
internal sealed partial class CallRecordWriter : IDisposable
{
    private readonly Channel<CallRecordData> _queue;
    private readonly ICallRecordStore _store;
    private readonly CallRecordSpool _spool;
    private readonly CallRecordWriterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private long _stored;
    private long _spooled;
    private long _overflowed;
    private volatile bool _completing;

    public CallRecordWriter(ICallRecordStore store, CallRecordSpool spool, CallRecordWriterOptions options, TimeProvider time, ILogger<CallRecordWriter> logger)
    {
        _time = time;
        _store = store;
        _spool = spool;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<CallRecordData>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Records saved in the store.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Records that went through the spool file.</summary>
    public long Spooled => Interlocked.Read(ref _spooled);

    /// <summary>Records that found the queue full and went straight to the spool.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

    public int Queued => _queue.Reader.Count;

    public CallRecordSpool Spool => _spool;

    /// <summary>Queues a record; when the queue is full it is spooled instead (rare, slower, still not lost).</summary>
    public void Enqueue(CallRecordData record)
    {
        if (_queue.Writer.TryWrite(record))
        {
            return;
        }

        Interlocked.Increment(ref _overflowed);
        Interlocked.Increment(ref _spooled);
        _spool.Append([record]);
    }

    public void Dispose() => _storeGate.Dispose();

    /// <summary>Stops taking records; <see cref="RunAsync"/> ends after writing what is queued.</summary>
    public void Complete()
    {
        _completing = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>The background loop: waits for records and writes them in batches until completed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                if (_options.BatchDelay > TimeSpan.Zero && !_completing && _queue.Reader.Count < _options.BatchSize)
                {
                    await Task.Delay(_options.BatchDelay, _time, cancellationToken);
                }

                await DrainAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued goes to the spool so that it is replayed at the next start.
            var rest = new List<CallRecordData>();
            while (_queue.Reader.TryRead(out var record))
            {
                rest.Add(record);
            }

            if (rest.Count > 0)
            {
                _spool.Append(rest);
                Interlocked.Add(ref _spooled, rest.Count);
            }
        }
    }

    /// <summary>Writes everything queued now, in batches; returns how many records were taken from the queue.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var batch = new List<CallRecordData>(_options.BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            if (batch.Count == 0)
            {
                return total;
            }

            total += batch.Count;
            await WriteBatchAsync(batch, cancellationToken);
        }
    }

    /// <summary>Moves the spooled records into the store; false when the store still fails (they stay spooled).</summary>
    public async Task<bool> ReplayAsync(CancellationToken cancellationToken)
    {
        await _storeGate.WaitAsync(cancellationToken);
        try
        {
            if (!_spool.HasPending)
            {
                return true;
            }

            var pending = _spool.ReadAll();
            var done = 0;
            while (done < pending.Count)
            {
                var chunk = pending.Skip(done).Take(_options.BatchSize).ToList();
                try
                {
                    await _store.SaveAsync(chunk, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _spool.Replace(pending.Skip(done).ToList());
                    LogReplayFailed(_logger, pending.Count - done, ex.Message);
                    return false;
                }

                done += chunk.Count;
                Interlocked.Add(ref _stored, chunk.Count);
            }

            _spool.Replace([]);
            LogReplayed(_logger, done);
            return true;
        }
        finally
        {
            _storeGate.Release();
        }
    }

    private async Task WriteBatchAsync(List<CallRecordData> batch, CancellationToken cancellationToken)
    {
        await _storeGate.WaitAsync(cancellationToken);
        try
        {
            if (_spool.HasPending)
            {
                _spool.Append(batch);
                Interlocked.Add(ref _spooled, batch.Count);
                return;
            }

            try
            {
                await _store.SaveAsync(batch, cancellationToken);
                Interlocked.Add(ref _stored, batch.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _spool.Append(batch);
                Interlocked.Add(ref _spooled, batch.Count);
                LogStoreFailed(_logger, batch.Count, _spool.FilePath, ex.Message);
            }
        }
        finally
        {
            _storeGate.Release();
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Call record store failed; {Count} records spooled to {Path}: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, int count, string path, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Replayed {Count} spooled call records into the store")]
    private static partial void LogReplayed(ILogger logger, int count);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "Call record store still failing; {Count} records stay spooled: {Reason}")]
    private static partial void LogReplayFailed(ILogger logger, int count, string reason);
}
