using Vms.Media.Recording;

namespace Vms.Media;

/// <summary>Recording taps of a leg: several recorders may hear it at once.</summary>
public sealed partial class MediaSession
{
    /// <summary>
    /// Records this leg: what the peer sends (direction 0) mixed with what we send (prompts). Several
    /// recordings may run at once (e.g. the customer's policy and a supervisor); each is stopped with the leg.
    /// </summary>
    public CallRecorder StartRecording(string path, RecordingOptions options)
    {
        var recorder = CallRecorder.Create(path, options, _engine.Clock, _engine.Recordings);
        lock (_gate)
        {
            _ownRecorders = [.. _ownRecorders, recorder];
            _txTaps = [.. _txTaps, recorder];
        }

        AddReceiveTap(recorder, 0);
        return recorder;
    }

    internal RecordingWriter Recordings => _engine.Recordings;

    /// <summary>Adds a recorder hearing what this leg receives, as <paramref name="direction"/> of its mix.</summary>
    internal void AddReceiveTap(CallRecorder recorder, int direction)
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _rxTaps = [.. _rxTaps, new RecorderTap(recorder, direction)];
            }
        }
    }

    /// <summary>Removes every tap of <paramref name="recorder"/>.</summary>
    internal void RemoveReceiveTap(CallRecorder recorder)
    {
        lock (_gate)
        {
            _rxTaps = [.. _rxTaps.Where(t => !ReferenceEquals(t.Recorder, recorder))];
        }
    }
}
