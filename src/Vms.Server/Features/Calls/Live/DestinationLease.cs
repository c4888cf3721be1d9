namespace Vms.Server.Features.Calls.Live;

/// <summary>One call counted against a destination (and its site); disposing it releases the count once.</summary>
internal sealed class DestinationLease : IDisposable
{
    private readonly ActiveCounter _destination;
    private readonly ActiveCounter? _site;
    private int _released;

    public DestinationLease(ActiveCounter destination, ActiveCounter? site)
    {
        _destination = destination;
        _site = site;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _destination.Decrement();
            _site?.Decrement();
        }
    }
}
