using Vms.Media.Recording;

namespace Vms.Media.Relay;

/// <summary>
/// Two media sessions relaying RTP to each other. DTMF received on either leg is always reported on that leg
/// (<see cref="MediaSession.DigitReceived"/>) and forwarded when <see cref="BridgeOptions.PassDtmf"/> is set.
/// Recorders can tap the bridge, several at once (e.g. the customer's policy and a supervisor): direction 0
/// is what leg A sends us, direction 1 what leg B sends.
/// </summary>
public sealed class MediaBridge : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<CallRecorder> _recorders = [];

    internal MediaBridge(MediaSession a, MediaSession b, BridgeOptions options)
    {
        A = a;
        B = b;
        Options = options;
        a.SetForwarder(new RtpForwarder(b, options.PassDtmf));
        b.SetForwarder(new RtpForwarder(a, options.PassDtmf));
    }

    /// <summary>The first leg.</summary>
    public MediaSession A { get; }

    /// <summary>The second leg.</summary>
    public MediaSession B { get; }

    /// <summary>The options.</summary>
    public BridgeOptions Options { get; }

    /// <summary>Starts recording both directions of the bridged call into one file.</summary>
    public CallRecorder StartRecording(string path, RecordingOptions options)
    {
        var recorder = CallRecorder.Create(path, options, A.Clock, A.Recordings);
        AttachRecorder(recorder);
        return recorder;
    }

    /// <summary>Taps an existing recorder (e.g. one writing to a caller's stream), next to any already tapping.</summary>
    public void AttachRecorder(CallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        lock (_lock)
        {
            _recorders.Add(recorder);
        }

        A.AddReceiveTap(recorder, 0);
        B.AddReceiveTap(recorder, 1);
    }

    /// <summary>Stops relaying (the legs stay up); recorders tapping the bridge are detached, not stopped.</summary>
    public void Dispose()
    {
        A.SetForwarder(null);
        B.SetForwarder(null);
        CallRecorder[] recorders;
        lock (_lock)
        {
            recorders = [.. _recorders];
            _recorders.Clear();
        }

        foreach (var recorder in recorders)
        {
            A.RemoveReceiveTap(recorder);
            B.RemoveReceiveTap(recorder);
        }
    }
}
