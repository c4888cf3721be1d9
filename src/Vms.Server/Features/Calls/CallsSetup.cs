using System.Net;
using Microsoft.Extensions.Options;
using Vms.Media;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Data;
using Vms.Server.Features.Calls.Ladder;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Features.Calls.Trunks;
using Vms.Server.Features.Portal;
using Vms.Server.Hosting;
using Vms.Sip;
using Vms.Telephony;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;
using Vms.Telephony.Sip;

namespace Vms.Server.Features.Calls;

/// <summary>Live call handling: SIP and RTP, the orchestration of published trees, limits, records, counters, NetSim in demo mode.</summary>
public static class CallsSetup
{
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new CallsOptions();
        builder.Configuration.GetSection(CallsOptions.Section).Bind(options);
        var demo = builder.Configuration.GetValue<bool>("Vms:DemoMode");
        var dataDirectory = builder.Configuration["Vms:DataDirectory"] is { Length: > 0 } d ? d : "data";
        options.PromptsFolder = options.PromptsFolder is { Length: > 0 } p ? p : Path.Combine(dataDirectory, "prompts");
        options.SnapshotFile = options.SnapshotFile is { Length: > 0 } f ? f : Path.Combine(dataDirectory, "routing-snapshot.json");
        options.Records.SpoolPath = options.Records.SpoolPath is { Length: > 0 } sp ? sp : Path.Combine(dataDirectory, "spool", "call-records.jsonl");
        if (builder.Environment.IsEnvironment("Testing") && builder.Configuration[CallsOptions.Section + ":SipPort"] is null)
        {
            options.SipPort = 0; // in-process test servers run side by side: any free port
        }

        if (options.Trunks.TrustedPeers.Count == 0)
        {
            // Embedded default: the loopback network is the operator's network (NetSim, SIPp, Kamailio on this machine).
            options.Trunks.TrustedPeers.Add("127.0.0.0/8");
        }

        options.NetSim = builder.Configuration[CallsOptions.Section + ":NetSim"] is null ? demo : options.NetSim;
        if (string.IsNullOrEmpty(options.Trunks.Gateway) && options.NetSim)
        {
            options.Trunks.Gateway = $"sip:{options.SipAddress}:{options.NetSimPort}";
        }

        var capacity = NodeCallCapacity.Compute(options.MaxConcurrentCalls, options.RtpMinPort, options.RtpMaxPort, MediaCapacity.OpenFileLimit(), options.FileDescriptorHeadroom);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.RateLimits);
        services.AddSingleton(options.Records);
        services.AddSingleton(new TelephonyOptions { MediaTimeout = TimeSpan.FromSeconds(Math.Max(0, options.MediaTimeoutSeconds)) });
        services.AddSingleton(sp => new SipEndpoint(new SipEndpointOptions { UserAgent = "VMS" }, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MediaEngine(
            new MediaEngineOptions { BindAddress = IPAddress.Parse(options.RtpAddress), MinPort = options.RtpMinPort, MaxPort = options.RtpMaxPort, ReceiveThreadRealtimePriority = options.RtpRealtimePriority },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PromptLibrary(sp.GetRequiredService<MediaEngine>(), options.PromptsFolder));
        services.AddSingleton<IMediaEngine>(sp => new EngineMediaAdapter(sp.GetRequiredService<MediaEngine>(), sp.GetRequiredService<PromptLibrary>(), capacity.MaxPairs));
        services.AddSingleton(sp => new CallAdmission(capacity.MaxCalls, options.OverloadRetryAfterSeconds, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CallAdmission>>()));
        services.AddSingleton<IOutboundDialer>(sp => new SipOutboundDialer(sp.GetRequiredService<SipEndpoint>(), new SipDialerOptions { Gateway = options.Trunks.Gateway, GatewayUsername = options.Trunks.GatewayUsername, GatewayPassword = options.Trunks.GatewayPassword }));
        services.AddSingleton<CallFactory>();
        services.AddSingleton(sp => new TrunkDirectory(options.Trunks));
        services.AddSingleton<CallRateLimiter>();
        services.AddSingleton<LiveCallState>();
        services.AddSingleton<LiveCallCounters>();
        services.AddSingleton<ActiveCallRegistry>();
        services.AddSingleton(sp => new SipLadderStore(sp.GetRequiredService<TimeProvider>()) { Enabled = options.Ladder });
        services.AddSingleton<ICallRecordStore, EfCallRecordStore>();
        services.AddSingleton(sp => new CallRecordSpool(options.Records.SpoolPath));
        services.AddSingleton<CallRecordWriter>();
        services.AddSingleton<IRoutingSnapshotProvider>(sp => new DatabaseSnapshotProvider(
            sp.GetRequiredService<VmsDb>(), options.SnapshotFile, sp.GetRequiredService<ILogger<DatabaseSnapshotProvider>>()));
        services.AddSingleton(sp => new CallOrchestrator(
            sp.GetRequiredService<CallFactory>(),
            sp.GetRequiredService<IRoutingSnapshotProvider>(),
            sp.GetRequiredService<TrunkDirectory>(),
            sp.GetRequiredService<CallRateLimiter>(),
            sp.GetRequiredService<LiveCallState>(),
            sp.GetRequiredService<LiveCallCounters>(),
            sp.GetRequiredService<ActiveCallRegistry>(),
            sp.GetRequiredService<CallRecordWriter>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallOrchestrator>>(),
            sp.GetRequiredService<SipLadderStore>(),
            sp.GetService<Vms.Server.Features.Routing.CallerListIndexProvider>() is { } lists ? () => lists.Current : null,
            sp.GetRequiredService<CallAdmission>()));
        services.AddSingleton<CallsQueries>();
        services.AddPortalNavItem(new PortalNavItem("/calls/live", "Live calls", PortalArea.Operator, 80));
        services.AddPortalNavItem(new PortalNavItem("/calls/live", "Live calls", PortalArea.Customer, 80));
        services.AddHostedService<CallRecordWriterService>();
        services.AddHostedService<SipCallService>();
        if (demo || options.NetSim)
        {
            services.AddSingleton<DemoNetwork>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoNetwork>());
        }

        return builder;
    }
}
