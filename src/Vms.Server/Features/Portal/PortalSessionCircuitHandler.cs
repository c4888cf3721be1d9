using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Vms.Server.Features.Account;

namespace Vms.Server.Features.Portal;

/// <summary>
/// Ends a live Blazor circuit when its sign-in session ends (P1: idle 30 min, absolute 480 min, server-side).
/// A timer on the injected <see cref="TimeProvider"/> fires at the moment the session would end; the session
/// store decides. User activity on the page (reported by <c>SessionGuard</c>, not the server's own screen
/// updates) renews the idle timer. Once ended, the browser is sent to the sign-in page and every further
/// message of the circuit is dropped.
/// </summary>
internal sealed partial class PortalSessionCircuitHandler(
    ISessionValidator sessions,
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    TimeProvider time,
    ILogger<PortalSessionCircuitHandler> logger) : CircuitHandler, IAsyncDisposable
{
    public const string ExpiredUrl = "/account/login?expired=1";

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private string? _sessionId;
    private DateTimeOffset _expiresAt = DateTimeOffset.MaxValue;
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;
    private bool _ended;

    /// <summary>Raised once when the session has ended; the page's guard navigates to sign-in.</summary>
    public event Action? Ended;

    public bool HasEnded => _ended;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _sessionId = state.User.FindFirst(VmsClaims.SessionId)?.Value;
        if (_sessionId is null)
        {
            return; // An anonymous circuit has no session to watch.
        }

        await CheckAsync(touch: false, cancellationToken);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
        {
            if (_sessionId is not null && !_ended && time.GetUtcNow() >= _expiresAt)
            {
                await CheckAsync(touch: false, CancellationToken.None);
            }

            if (_ended)
            {
                // The session is over: nothing more reaches the components (the browser is on its way to sign-in).
                return;
            }

            await next(context);
        };

    /// <summary>The user did something on the page: renews the idle timer (at most once a second).</summary>
    public async Task TouchAsync(CancellationToken cancellationToken)
    {
        if (_sessionId is null || _ended)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (now - _lastTouch < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastTouch = now;
        await CheckAsync(touch: true, cancellationToken);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        StopTimer();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        StopTimer();
        return ValueTask.CompletedTask;
    }

    private async Task CheckAsync(bool touch, CancellationToken cancellationToken)
    {
        SessionCheck check;
        try
        {
            check = await sessions.CheckAsync(_sessionId!, touch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store could not answer (database down): keep the circuit and try again in a minute.
            LogCheckFailed(logger, ex);
            Schedule(time.GetUtcNow() + TimeSpan.FromMinutes(1));
            return;
        }

        if (check.IsActive)
        {
            Schedule(check.ExpiresAt);
            return;
        }

        if (_ended)
        {
            return;
        }

        LogEnded(logger, check.EndReason ?? "ended");
        StopTimer();
        _ended = true;
        SendToSignIn();
    }

    private void Schedule(DateTimeOffset at)
    {
        lock (_gate)
        {
            _expiresAt = at;
            var due = at - time.GetUtcNow();
            if (due < TimeSpan.Zero)
            {
                due = TimeSpan.Zero;
            }

            if (_timer is null)
            {
                _timer = time.CreateTimer(_ => _ = OnTimerAsync(), null, due, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task OnTimerAsync()
    {
        if (_ended)
        {
            return;
        }

        try
        {
            await CheckAsync(touch: false, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // The circuit is going away.
        }
    }

    private void SendToSignIn()
    {
        var handlers = Ended;
        if (handlers is not null)
        {
            handlers();
            return;
        }

        try
        {
            navigation.NavigateTo(ExpiredUrl, forceLoad: true);
        }
        catch (InvalidOperationException ex)
        {
            LogCheckFailed(logger, ex);
        }
    }

    private void StopTimer()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(EventId = 2901, Level = LogLevel.Information, Message = "Live portal page closed: session ended ({Reason})")]
    private static partial void LogEnded(ILogger logger, string reason);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "Session check of a live portal page failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
