namespace Vms.Telephony.Media;

/// <summary>A relay that can record both directions of the call into one mono WAV (REC).</summary>
public interface IRecordableBridge : IDisposable
{
    /// <summary>Starts recording to <paramref name="path"/>; false when the file cannot be created.</summary>
    bool StartRecording(string path);
}
