using Vms.Media.Recording;
using Vms.Media.Relay;

namespace Vms.Telephony.Media;

/// <summary>The Vms.Media relay between two endpoints, with the recorder it may carry (stopped with the bridge).</summary>
internal sealed class EngineBridge : IRecordableBridge
{
    private readonly MediaBridge _bridge;
    private CallRecorder? _recorder;

    public EngineBridge(MediaBridge bridge)
    {
        _bridge = bridge;
    }

    public bool StartRecording(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _recorder = _bridge.StartRecording(path, new RecordingOptions());
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _bridge.Dispose();
        if (_recorder is { } recorder)
        {
            _ = recorder.StopAsync(RecordingStopReason.Stopped);
        }
    }
}
