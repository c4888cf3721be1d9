using System.Net;
using Vms.Media.Sdp;
using Vms.Telephony.Media;

namespace Vms.Server.Tests.Calls.Fakes;

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
