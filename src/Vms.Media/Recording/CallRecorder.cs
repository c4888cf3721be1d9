using Vms.Media.Codecs;
using Vms.Media.Playback;
using Vms.Media.Wav;

namespace Vms.Media.Recording;

/// <summary>
/// Records both directions of a call mixed into one 8 kHz mono G.711 WAV, streamed to disk. Each direction's
/// packets are placed on the recording timeline by RTP timestamp (a new SSRC is anchored at "now"), so gaps and
/// losses become silence and reordering is harmless; the media clock mixes one 20 ms frame per tick,
/// <see cref="RecordingOptions.Latency"/> behind, into a chunk of <see cref="RecordingOptions.FlushInterval"/>
/// (at most 5 s). A full chunk is written, the header patched and the file flushed: by the engine's
/// <see cref="RecordingWriter"/> thread for recordings started from a session or a bridge (no disk I/O on the
/// clock thread), or at once on the clock thread for a recorder built on a caller's stream without a writer.
/// Pause writes silence and keeps the timeline. The size cap ends the recording cleanly. Memory per recording
/// is two 2-second rings and a few chunks, whatever the call length.
/// </summary>
public sealed class CallRecorder : IMediaClockListener, IDisposable
{
    private const int Frame = 160;
    private const int RingSize = 16000; // 2 s, a whole number of frames
    private const int MaxChunkFrames = 250; // 5 s
    private const int MaxPendingChunks = 8;
    private readonly Stream _stream;
    private readonly WavWriter _writer;
    private readonly RecordingWriter? _queue;
    private readonly long _headerLength;
    private readonly int _chunkSize;
    private readonly RecordingOptions _options;
    private readonly MediaClock? _clock;
    private readonly string? _path;
    private readonly short[][] _rings = [new short[RingSize], new short[RingSize]];
    private readonly Direction[] _directions = [new(), new()];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<RecordingResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _latency;
    private readonly int _flushEveryFrames;
    private byte[] _chunk;
    private int _chunkLength;
    private long _writePos;
    private long _late;
    private int _framesSinceFlush;
    private int _pendingChunks;
    private volatile bool _failed;
    private bool _paused;
    private bool _stopped;

    /// <summary>
    /// Records into <paramref name="stream"/> (the recorder owns and closes it); chunks are written on the thread
    /// that mixes them (the clock's, or the caller's of <see cref="WriteFrame"/>).
    /// </summary>
    public CallRecorder(Stream stream, RecordingOptions options, MediaClock? clock, string? path = null)
        : this(stream, options, clock, path, null)
    {
    }

    internal CallRecorder(Stream stream, RecordingOptions options, MediaClock? clock, string? path, RecordingWriter? queue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _stream = stream;
        _writer = new WavWriter(stream, WavFormat.G711(options.Law));
        _headerLength = _writer.FileLength;
        _queue = queue;
        _clock = clock;
        _path = path;
        _latency = (int)Math.Clamp(options.Latency.Ticks * 8000 / TimeSpan.TicksPerSecond, Frame, RingSize / 2);
        _flushEveryFrames = (int)Math.Max(1, options.FlushInterval.Ticks / MediaClock.Period.Ticks);
        _chunkSize = Math.Min(_flushEveryFrames, MaxChunkFrames) * Frame;
        _chunk = queue?.Rent(_chunkSize) ?? new byte[_chunkSize];
        _clock?.Register(this);
    }

    /// <summary>Creates the file at <paramref name="path"/> and starts recording on the clock (file I/O on the clock thread).</summary>
    public static CallRecorder Create(string path, RecordingOptions options, MediaClock clock) => Create(path, options, clock, null);

    /// <summary>Creates the file and starts recording on the clock; <paramref name="queue"/> does the file I/O.</summary>
    internal static CallRecorder Create(string path, RecordingOptions options, MediaClock clock, RecordingWriter? queue)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 4096);
        return new CallRecorder(stream, options, clock, path, queue);
    }

    /// <summary>Completes when the recording has ended and the file is closed.</summary>
    public Task<RecordingResult> Completion => _done.Task;

    /// <summary>True while paused.</summary>
    public bool IsPaused => Volatile.Read(ref _paused);

    /// <summary>Audio written so far.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref _writePos) * TimeSpan.TicksPerSecond / 8000);

    /// <summary>Pauses: silence is recorded and packets ignored until <see cref="Resume"/>.</summary>
    public void Pause() => Volatile.Write(ref _paused, true);

    /// <summary>Resumes after <see cref="Pause"/>.</summary>
    public void Resume() => Volatile.Write(ref _paused, false);

    /// <summary>
    /// Adds audio of one direction (0 or 1): G.711 <paramref name="payload"/> of stream <paramref name="ssrc"/>
    /// at RTP <paramref name="timestamp"/>.
    /// </summary>
    public void Write(int direction, uint ssrc, uint timestamp, ReadOnlySpan<byte> payload, G711Law law)
    {
        if ((uint)direction > 1 || payload.IsEmpty || payload.Length > RingSize / 4)
        {
            return;
        }

        lock (_lock)
        {
            if (_stopped || _paused)
            {
                return;
            }

            var d = _directions[direction];
            long pos;
            if (!d.Anchored || d.Ssrc != ssrc)
            {
                pos = Anchor(d, ssrc, timestamp);
            }
            else
            {
                pos = d.LastPos + (int)(timestamp - d.LastTimestamp);
                if (pos + payload.Length > _writePos + RingSize || pos < _writePos - RingSize)
                {
                    pos = Anchor(d, ssrc, timestamp); // a jump: re-anchor rather than write far away
                }
            }

            if (pos < _writePos)
            {
                Interlocked.Increment(ref _late);
                return;
            }

            d.LastPos = pos;
            d.LastTimestamp = timestamp;
            var ring = _rings[direction];
            for (var i = 0; i < payload.Length; i++)
            {
                var code = payload[i];
                ring[(int)((pos + i) % RingSize)] = law == G711Law.Ulaw ? G711.UlawToLinear(code) : G711.AlawToLinear(code);
            }
        }
    }

    /// <inheritdoc />
    public void OnMediaTick(long tick) => WriteFrame();

    /// <summary>Mixes one 20 ms frame (normally called by the media clock); a full chunk goes to the writer.</summary>
    public void WriteFrame()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (_failed)
            {
                StopLocked(RecordingStopReason.WriteFailed);
                return;
            }

            if (_options.MaxBytes is { } cap && _headerLength + Interlocked.Read(ref _writePos) + Frame + 1 > cap)
            {
                StopLocked(RecordingStopReason.SizeCapReached);
                return;
            }

            var start = (int)(_writePos % RingSize);
            var a = _rings[0].AsSpan(start, Frame);
            var b = _rings[1].AsSpan(start, Frame);
            var frameOut = _chunk.AsSpan(_chunkLength, Frame);
            for (var i = 0; i < Frame; i++)
            {
                var mixed = _paused ? 0 : Math.Clamp(a[i] + b[i], short.MinValue, short.MaxValue);
                frameOut[i] = _options.Law == G711Law.Ulaw ? G711.LinearToUlaw((short)mixed) : G711.LinearToAlaw((short)mixed);
            }

            a.Clear();
            b.Clear();
            _chunkLength += Frame;
            Interlocked.Add(ref _writePos, Frame);
            var flush = ++_framesSinceFlush >= _flushEveryFrames;
            if (flush || _chunkLength == _chunkSize)
            {
                if (flush)
                {
                    _framesSinceFlush = 0;
                }

                if (_queue is not null && Volatile.Read(ref _pendingChunks) >= MaxPendingChunks)
                {
                    StopLocked(RecordingStopReason.WriteFailed); // the disk is far behind: end cleanly, never grow
                    return;
                }

                Submit(flush, complete: false, default);
            }
        }
    }

    /// <summary>Ends the recording and closes the file.</summary>
    public Task<RecordingResult> StopAsync(RecordingStopReason reason = RecordingStopReason.Stopped)
    {
        lock (_lock)
        {
            StopLocked(reason);
        }

        return _done.Task;
    }

    /// <inheritdoc />
    public void Dispose() => StopAsync(RecordingStopReason.SessionEnded);

    private long Anchor(Direction d, uint ssrc, uint timestamp)
    {
        d.Anchored = true;
        d.Ssrc = ssrc;
        d.LastTimestamp = timestamp;
        d.LastPos = _writePos + _latency;
        return d.LastPos;
    }

    private void StopLocked(RecordingStopReason reason)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _clock?.Unregister(this);
        Submit(flush: true, complete: true, reason);
    }

    /// <summary>Hands the current chunk to the writer (or writes it now without one). Under the lock.</summary>
    private void Submit(bool flush, bool complete, RecordingStopReason reason)
    {
        var job = new RecordingJob(this, _chunk, _chunkLength, flush, complete, reason, null);
        _chunkLength = 0;
        if (_queue is null)
        {
            WriteChunk(job);
            return;
        }

        Interlocked.Increment(ref _pendingChunks);
        _chunk = complete ? [] : _queue.Rent(_chunkSize);
        _queue.Enqueue(job);
    }

    /// <summary>Writes a chunk, patches and flushes, or completes the file: on the writer thread (or inline).</summary>
    internal void WriteChunk(in RecordingJob job)
    {
        if (_queue is not null)
        {
            Interlocked.Decrement(ref _pendingChunks);
        }

        try
        {
            if (!_failed && job.Length > 0)
            {
                _writer.Write(job.Chunk.AsSpan(0, job.Length));
            }

            if (!_failed && job.Flush && !job.Complete)
            {
                _writer.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ObjectDisposedException)
        {
            _failed = true;
        }

        if (!job.Complete)
        {
            return;
        }

        var reason = job.Reason;
        try
        {
            if (!_failed)
            {
                _writer.Complete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _failed = true;
        }
        finally
        {
            _stream.Dispose();
        }

        if (_failed)
        {
            reason = RecordingStopReason.WriteFailed;
        }

        _done.TrySetResult(new RecordingResult(_path, Duration, _writer.FileLength + (_writer.DataLength & 1), reason, Interlocked.Read(ref _late)));
    }

    private sealed class Direction
    {
        public bool Anchored { get; set; }

        public uint Ssrc { get; set; }

        public uint LastTimestamp { get; set; }

        public long LastPos { get; set; }
    }
}
