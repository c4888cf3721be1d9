using System.Net;
using Vms.Media.Sdp;
using Vms.Telephony.Media;

namespace Vms.Telephony.Tests.Fakes;

/// <summary>A port range of a few ports; endpoints record what the call layer asked of them.</summary>
internal sealed class FakeMediaEngine : IMediaEngine
{
    private readonly Stack<int> _free;

    public FakeMediaEngine(int ports = 8)
    {
        _free = new Stack<int>(Enumerable.Range(0, ports).Select(i => 20000 + (2 * i)).Reverse());
    }

    public IPAddress Address { get; } = IPAddress.Parse("198.51.100.1");

    public List<FakeMediaEndpoint> Endpoints { get; } = [];

    public int FreePorts => _free.Count;

    public Queue<string> Digits { get; } = new();

    /// <summary>Completed when the first relay between two endpoints is set up.</summary>
    public TaskCompletionSource FirstBridge { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IMediaEndpoint? TryAllocate()
    {
        if (!_free.TryPop(out var port))
        {
            return null;
        }

        var endpoint = new FakeMediaEndpoint(port, this);
        Endpoints.Add(endpoint);
        return endpoint;
    }

    internal void Release(int port) => _free.Push(port);
}
