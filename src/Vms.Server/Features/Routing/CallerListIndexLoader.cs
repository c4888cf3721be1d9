namespace Vms.Server.Features.Routing;

/// <summary>
/// Loads the caller lists into the in-memory index at start, so that live calls match the lists uploaded before a
/// restart (uploads refresh the index themselves).
/// </summary>
internal sealed class CallerListIndexLoader(CallerListIndexProvider index) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => index.RefreshAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
