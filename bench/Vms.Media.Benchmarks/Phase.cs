namespace Vms.Media.Benchmarks;

/// <summary>The counters of one generator run: per receiver thread (no sharing), merged at the end.</summary>
internal sealed class Phase
{
    private readonly long[][] _received;
    private readonly LatencyHistogram[] _latency;
    private readonly LatencyHistogram _lag = new();
    private long _sent;
    private long _sendErrors;

    public Phase(int id, int streams, int receivers)
    {
        Id = id;
        Streams = streams;
        _received = [.. Enumerable.Range(0, receivers).Select(_ => new long[streams])];
        _latency = [.. Enumerable.Range(0, receivers).Select(_ => new LatencyHistogram())];
    }

    public int Id { get; }

    public int Streams { get; }

    /// <summary>Seconds from the first packet's due time to the end of the last send (set by the sender).</summary>
    public double SendSeconds { get; set; }

    public void RecordLag(long micros) => _lag.Add(micros);

    public void AddSent(int sent, int errors)
    {
        _sent += sent;
        _sendErrors += errors;
    }

    public void Received(int receiver, int stream, long micros)
    {
        _received[receiver][stream]++;
        _latency[receiver].Add(micros);
    }

    public PhaseResult Result(int seconds, double sendSeconds)
    {
        var latency = new LatencyHistogram();
        foreach (var h in _latency)
        {
            latency.Merge(h);
        }

        var perStream = (long)seconds * 50;
        long lost = 0, duplicated = 0, received = 0;
        for (var s = 0; s < Streams; s++)
        {
            var got = _received.Sum(r => r[s]);
            received += got;
            lost += Math.Max(0, perStream - got);
            duplicated += Math.Max(0, got - perStream);
        }

        return new PhaseResult(Streams, _sent, _sendErrors, received, lost, duplicated, sendSeconds, latency, _lag);
    }
}
