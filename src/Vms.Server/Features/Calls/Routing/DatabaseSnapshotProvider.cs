using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vms.Domain.Routing.Snapshot;
using Vms.Server.Hosting;
using DataPlanKind = Vms.Data.Routing.PlanKind;
using DataVersionState = Vms.Data.Routing.RoutingTreeVersionState;

namespace Vms.Server.Features.Calls.Routing;

/// <summary>
/// The published routing snapshot for the call path: rebuilt off the call path from the published tree versions
/// and plan assignments of active numbers, saved to a local file after each change and read from that file at
/// start when the database does not answer (NFR2: a restarted node routes calls while the database is down).
/// </summary>
internal sealed partial class DatabaseSnapshotProvider : IRoutingSnapshotProvider
{
    private readonly VmsDb _db;
    private readonly string _file;
    private readonly ILogger<DatabaseSnapshotProvider> _logger;
    private volatile RoutingSnapshot _current = RoutingSnapshot.Empty;
    private byte[] _lastSaved = [];

    public DatabaseSnapshotProvider(VmsDb db, string file, ILogger<DatabaseSnapshotProvider> logger)
    {
        _db = db;
        _file = file;
        _logger = logger;
    }

    public RoutingSnapshot Current => _current;

    /// <summary>Reloads from the database; on failure keeps the current snapshot (or the file's, when empty).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        SnapshotSource source;
        try
        {
            source = await LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_current.NumberCount == 0 && File.Exists(_file) && ex is not IOException)
            {
                var saved = SnapshotFile.Deserialize(await File.ReadAllBytesAsync(_file, cancellationToken), out var error);
                if (saved is not null)
                {
                    _current = RoutingSnapshot.Build(saved);
                    LogFromFile(_logger, _current.NumberCount, ex.Message);
                }
                else
                {
                    LogFileUnreadable(_logger, error ?? "?");
                }
            }

            return;
        }

        var bytes = SnapshotFile.Serialize(source);
        if (bytes.AsSpan().SequenceEqual(_lastSaved))
        {
            return;
        }

        _current = RoutingSnapshot.Build(source, _current);
        _lastSaved = bytes;
        LogRebuilt(_logger, _current.NumberCount, _current.PlanCount);
        var temp = _file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, _file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFileNotSaved(_logger, _file, ex.Message);
        }
    }

    private async Task<SnapshotSource> LoadAsync(CancellationToken cancellationToken)
    {
        await using var context = _db.ForSystem();
        var versions = await context.RoutingTreeVersions
            .Where(v => v.State == DataVersionState.Published)
            .Select(v => new { v.TreeId, v.VersionNumber, v.Json, CustomerId = v.Tree!.CustomerId })
            .ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.TreeId).Select(g => g.OrderByDescending(v => v.VersionNumber).First())
            .Select(v => new PublishedTree(v.CustomerId, v.TreeId, v.VersionNumber, v.Json)).ToList();
        var assignments = await context.NumberPlanAssignments
            .Where(a => a.Number!.ActiveE164 != null)
            .Select(a => new { a.Number!.E164, a.PlanKind, a.TreeId, a.IsActive })
            .ToListAsync(cancellationToken);
        return new SnapshotSource(
            latest,
            assignments.Select(a => new PlanAssignment(a.E164, Map(a.PlanKind), a.TreeId, a.IsActive)).ToList());
    }

    private static PlanKind Map(DataPlanKind kind) => kind switch
    {
        DataPlanKind.Drs => PlanKind.Drs,
        DataPlanKind.Continuity => PlanKind.Continuity,
        _ => PlanKind.Normal,
    };

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Routing snapshot rebuilt: {Numbers} numbers, {Plans} plans")]
    private static partial void LogRebuilt(ILogger logger, int numbers, int plans);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Warning, Message = "Database unavailable ({Reason}); routing from the saved snapshot file ({Numbers} numbers)")]
    private static partial void LogFromFile(ILogger logger, int numbers, string reason);

    [LoggerMessage(EventId = 6033, Level = LogLevel.Warning, Message = "Routing snapshot not saved to {File}: {Reason}")]
    private static partial void LogFileNotSaved(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 6032, Level = LogLevel.Error, Message = "Saved routing snapshot unreadable: {Reason}")]
    private static partial void LogFileUnreadable(ILogger logger, string reason);
}
