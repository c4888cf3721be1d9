namespace Vms.Media.Recording;

/// <summary>
/// Does the file I/O of an engine's recordings off the media clock thread: the clock mixes and encodes frames
/// into pooled one-second chunks and queues each full chunk here; one background thread appends it, patches
/// the WAV header and flushes to the OS (so a file is readable after a crash up to the last flushed second),
/// and closes files when recordings end. Chunks come from a pool, so the steady state allocates nothing. The
/// thread starts with the first job and ends on <see cref="Dispose"/> after writing what is queued.
/// </summary>
internal sealed class RecordingWriter : IDisposable
{
    private const int MaxPooledChunks = 4096;
    private readonly object _gate = new();
    private readonly Queue<RecordingJob> _jobs = new(256);
    private readonly Stack<byte[]> _pool = new();
    private readonly Lock _poolLock = new();
    private readonly bool _threaded;
    private Thread? _thread;
    private bool _stopping;

    /// <summary>Creates a writer; without <paramref name="threaded"/> jobs wait for <see cref="RunPending"/> (tests).</summary>
    public RecordingWriter(bool threaded = true)
    {
        _threaded = threaded;
    }

    /// <summary>Jobs waiting.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    /// <summary>A chunk of at least <paramref name="size"/> bytes.</summary>
    public byte[] Rent(int size)
    {
        lock (_poolLock)
        {
            while (_pool.Count > 0)
            {
                var chunk = _pool.Pop();
                if (chunk.Length >= size)
                {
                    return chunk;
                }
            }
        }

        return new byte[size];
    }

    /// <summary>Gives a chunk back to the pool.</summary>
    public void Return(byte[] chunk)
    {
        lock (_poolLock)
        {
            if (_pool.Count < MaxPooledChunks)
            {
                _pool.Push(chunk);
            }
        }
    }

    /// <summary>Queues a job (run at once on the caller's thread once the writer is disposed).</summary>
    public void Enqueue(in RecordingJob job)
    {
        lock (_gate)
        {
            if (!_stopping)
            {
                _jobs.Enqueue(job);
                if (_threaded && _thread is null)
                {
                    _thread = new Thread(Run) { IsBackground = true, Name = "vms-rec-writer" };
                    _thread.Start();
                }

                if (_jobs.Count == 1)
                {
                    Monitor.Pulse(_gate);
                }

                return;
            }
        }

        Process(job);
    }

    /// <summary>Completes when every job queued before the call has been written.</summary>
    public Task WhenDrainedAsync()
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new RecordingJob(null, null, 0, false, false, default, barrier));
        return barrier.Task;
    }

    /// <summary>Runs the queued jobs on the calling thread; returns how many.</summary>
    public int RunPending()
    {
        var count = 0;
        while (TryTake(out var job))
        {
            Process(job);
            count++;
        }

        return count;
    }

    /// <summary>Writes what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            Monitor.PulseAll(_gate);
        }

        if (thread is null)
        {
            RunPending();
        }
        else if (thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(10));
        }
    }

    private bool TryTake(out RecordingJob job)
    {
        lock (_gate)
        {
            return _jobs.TryDequeue(out job);
        }
    }

    private void Run()
    {
        while (true)
        {
            RecordingJob job;
            lock (_gate)
            {
                while (_jobs.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                job = _jobs.Dequeue();
            }

            Process(job);
        }
    }

    private void Process(in RecordingJob job)
    {
        if (job.Recorder is { } recorder)
        {
            recorder.WriteChunk(job);
        }

        if (job.Chunk is { } chunk)
        {
            Return(chunk);
        }

        job.Barrier?.TrySetResult();
    }
}
