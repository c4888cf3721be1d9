using Vms.Media.Sdp;
using Vms.Telephony.Media;

namespace Vms.Telephony.Tests.Fakes;

internal sealed class FakeMediaEndpoint : IMediaEndpoint
{
    private readonly FakeMediaEngine _engine;
    private bool _disposed;

    public FakeMediaEndpoint(int port, FakeMediaEngine engine)
    {
        Port = port;
        _engine = engine;
    }

    public int Port { get; }

    /// <summary>The packets "received" from the peer: the test moves it to play media flowing.</summary>
    public long PacketsReceived { get; set; }
    public NegotiatedMedia? Remote { get; private set; }
    public List<string> Played { get; } = [];
    public FakeMediaEndpoint? BridgedTo { get; private set; }
    public int BridgeCount { get; private set; }
    public bool Disposed => _disposed;

    public void Connect(NegotiatedMedia remote) => Remote = remote;

    public Task<PlayOutcome> PlayAsync(string prompt, bool stopOnDigit, CancellationToken cancellationToken)
    {
        Played.Add(prompt);
        return Task.FromResult(stopOnDigit && _engine.Digits.Count > 0 ? PlayOutcome.InterruptedByDigit : PlayOutcome.Completed);
    }

    public Task<string> CollectDigitsAsync(DigitOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(_engine.Digits.TryDequeue(out var d) ? d : "");

    public IDisposable Bridge(IMediaEndpoint other)
    {
        BridgedTo = (FakeMediaEndpoint)other;
        BridgeCount++;
        _engine.FirstBridge.TrySetResult();
        return new Unbridge(this);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _engine.Release(Port);
        }
    }

    public string? RecordedTo { get; private set; }

    private sealed class Unbridge(FakeMediaEndpoint endpoint) : IRecordableBridge
    {
        public void Dispose() => endpoint.BridgedTo = null;

        public bool StartRecording(string path)
        {
            endpoint.RecordedTo = path;
            return true;
        }
    }
}
