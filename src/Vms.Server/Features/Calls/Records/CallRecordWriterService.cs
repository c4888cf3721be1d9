using Microsoft.Extensions.Hosting;

namespace Vms.Server.Features.Calls.Records;

/// <summary>Runs the call record writer and replays its spool every <see cref="CallRecordWriterOptions.ReplayInterval"/>.</summary>
internal sealed class CallRecordWriterService : BackgroundService
{
    private readonly CallRecordWriter _writer;
    private readonly CallRecordWriterOptions _options;
    private readonly TimeProvider _time;
    private int _replaying;

    public CallRecordWriterService(CallRecordWriter writer, CallRecordWriterOptions options, TimeProvider time)
    {
        _writer = writer;
        _options = options;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var timer = _time.CreateTimer(_ => ReplayInBackground(stoppingToken), null, TimeSpan.Zero, _options.ReplayInterval);
        await _writer.RunAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _writer.Complete();
        await base.StopAsync(cancellationToken);
    }

    private void ReplayInBackground(CancellationToken stoppingToken)
    {
        if (!_writer.Spool.HasPending || Interlocked.Exchange(ref _replaying, 1) == 1)
        {
            return;
        }

        _ = ReplayOnceAsync(stoppingToken);
    }

    private async Task ReplayOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _writer.ReplayAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
        finally
        {
            Interlocked.Exchange(ref _replaying, 0);
        }
    }
}
