using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vms.Data.Routing;
using Vms.NetSim;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Calls;

/// <summary>
/// Demo mode: demo trees are published for the demo numbers that have none, and (unless Calls:NetSim is false) the
/// network simulator runs in-process as the outbound gateway (destination phones with one behaviour
/// per number) and as the caller of the portal's test calls, so that a test call goes through a real tree.
/// </summary>
internal sealed partial class DemoNetwork : IHostedService, IAsyncDisposable
{
    public const string DemoTree = """
    {
      "name": "Demo office", "root": "office",
      "nodes": [
        { "id": "office", "type": "forward", "label": "Office (answers)", "number": "+32470000001", "ringTimeoutSeconds": 15, "onBusy": "mobile", "onNoAnswer": "mobile", "onFailed": "sorry" },
        { "id": "mobile", "type": "forward", "label": "Mobile", "number": "+32470000005", "ringTimeoutSeconds": 10, "default": "sorry" },
        { "id": "sorry", "type": "announcement", "label": "Sorry", "prompt": "sorry" }
      ]
    }
    """;

    private readonly CallsOptions _options;
    private readonly VmsDb _db;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoNetwork> _logger;
    private NetworkSimulator? _sim;

    public DemoNetwork(CallsOptions options, VmsDb db, TimeProvider time, ILogger<DemoNetwork> logger)
    {
        _options = options;
        _db = db;
        _time = time;
        _logger = logger;
    }

    public NetworkSimulator? Simulator => _sim;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_options.SipAddress);
        var options = new NetSimOptions
        {
            Listen = new IPEndPoint(address, _options.NetSimPort),
            Vms = new IPEndPoint(address, _options.SipPort),
        };
        foreach (var (number, behaviour) in PhoneBehaviour.DemoPhones)
        {
            options.Phones[number] = behaviour;
        }

        if (_options.NetSim)
        {
            try
            {
                _sim = new NetworkSimulator(options, _time);
                _sim.Start();
                LogStarted(_logger, options.Listen);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                LogNotStarted(_logger, options.Listen, ex.Message);
                _sim = null;
            }
        }

        try
        {
            await PublishDemoTreesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            LogNoDemoTree(_logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Registered as a singleton and as a hosted service: the container disposes it twice at shutdown.
        if (Interlocked.Exchange(ref _sim, null) is { } sim)
        {
            await sim.DisposeAsync();
        }
    }

    /// <summary>Publishes <see cref="DemoTree"/> for every demo customer's number that has no plan yet.</summary>
    private async Task PublishDemoTreesAsync(CancellationToken cancellationToken)
    {
        await using var context = _db.ForSystem();
        var numbers = await context.Numbers
            .Where(n => n.ActiveE164 != null && context.Customers.Any(c => c.Id == n.CustomerId && c.IsDemo))
            .Where(n => !context.NumberPlanAssignments.Any(a => a.NumberId == n.Id))
            .ToListAsync(cancellationToken);
        var now = _time.GetUtcNow();
        foreach (var number in numbers)
        {
            var tree = new RoutingTree { Id = Guid.CreateVersion7(now), CustomerId = number.CustomerId, Name = "Demo office" };
            context.RoutingTrees.Add(tree);
            context.RoutingTreeVersions.Add(new RoutingTreeVersion
            {
                Id = Guid.CreateVersion7(now),
                TreeId = tree.Id,
                VersionNumber = 1,
                State = RoutingTreeVersionState.Published,
                Json = DemoTree,
                CreatedBy = "demo",
                CreatedAt = now,
                PublishedAt = now,
            });
            context.NumberPlanAssignments.Add(new NumberPlanAssignment { NumberId = number.Id, PlanKind = PlanKind.Normal, TreeId = tree.Id, IsActive = true });
        }

        await context.SaveChangesAsync(cancellationToken);
        if (numbers.Count > 0)
        {
            LogDemoTrees(_logger, numbers.Count);
        }
    }

    [LoggerMessage(EventId = 6050, Level = LogLevel.Information, Message = "Network simulator (demo) on {Endpoint}: outbound gateway and test-call caller")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(EventId = 6051, Level = LogLevel.Warning, Message = "Network simulator not started on {Endpoint}: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, IPEndPoint endpoint, string reason);

    [LoggerMessage(EventId = 6052, Level = LogLevel.Information, Message = "Demo tree published for {Count} demo numbers")]
    private static partial void LogDemoTrees(ILogger logger, int count);

    [LoggerMessage(EventId = 6053, Level = LogLevel.Warning, Message = "Demo tree not published: {Reason}")]
    private static partial void LogNoDemoTree(ILogger logger, string reason);
}
