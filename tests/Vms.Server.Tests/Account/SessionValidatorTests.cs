using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Account;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Account;

public sealed class SessionValidatorTests
{
    [Fact]
    public async Task CheckAsync_CircuitWithoutActivity_ReportsExpiryThenEnds()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var caller = await Scenario.OperatorAsync(app);
        var store = app.Services.GetRequiredService<SessionStore>();
        var validator = app.Services.GetRequiredService<ISessionValidator>();
        var sid = await store.CreateAsync(caller.UserId, CancellationToken.None);
        var start = app.Clock.GetUtcNow();

        var first = await validator.CheckAsync(sid, touch: false, CancellationToken.None);
        Assert.True(first.IsActive);
        Assert.Equal(start.AddMinutes(30), first.ExpiresAt);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var ended = await validator.CheckAsync(sid, touch: true, CancellationToken.None);
        Assert.False(ended.IsActive);
        Assert.Equal("idle-timeout", ended.EndReason);
    }

    [Fact]
    public async Task CheckAsync_TouchedCircuit_ExpiresAtAbsoluteLimitAtTheLatest()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var caller = await Scenario.OperatorAsync(app);
        var store = app.Services.GetRequiredService<SessionStore>();
        var sid = await store.CreateAsync(caller.UserId, CancellationToken.None);
        var start = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(470));

        // Keep alive by touching every 10 minutes from the start (simulated by one touch just now after moving in steps).
        var check = await store.CheckAsync(sid, touch: true, CancellationToken.None);
        Assert.False(check.IsActive); // 470 minutes without activity is far past the idle limit

        var sid2 = await store.CreateAsync(caller.UserId, CancellationToken.None);
        for (var i = 0; i < 47; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True((await store.CheckAsync(sid2, touch: true, CancellationToken.None)).IsActive);
        }

        var last = await store.CheckAsync(sid2, touch: true, CancellationToken.None);
        Assert.Equal(start.AddMinutes(470 + 480), last.ExpiresAt);
    }
}
