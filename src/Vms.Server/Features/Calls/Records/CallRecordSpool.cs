using System.Text;
using System.Text.Json;

namespace Vms.Server.Features.Calls.Records;

/// <summary>
/// A local JSON-lines file holding the call records the store could not take. Appends are flushed at once, so a
/// crash loses at most a torn last line (skipped and counted on reading). Not for the hot path: only the writer's
/// background loop (and a full queue) touch it.
/// </summary>
internal sealed class CallRecordSpool
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private int _pending = -1;

    public CallRecordSpool(string path)
    {
        _path = Path.GetFullPath(path);
    }

    public string FilePath => _path;

    /// <summary>Lines that could not be read back (torn by a crash); they are dropped at the next replay.</summary>
    public int CorruptLines { get; private set; }

    /// <summary>Records waiting in the file.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                if (_pending < 0)
                {
                    _pending = File.Exists(_path) ? ReadAllLocked().Count : 0;
                }

                return _pending;
            }
        }
    }

    public bool HasPending => PendingCount > 0;

    public void Append(IReadOnlyCollection<CallRecordData> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var current = _pending < 0 ? (File.Exists(_path) ? ReadAllLocked().Count : 0) : _pending;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            foreach (var record in records)
            {
                JsonSerializer.Serialize(stream, record, CallRecordJsonContext.Default.CallRecordData);
                stream.WriteByte((byte)'\n');
            }

            stream.Flush(flushToDisk: true);
            _pending = current + records.Count;
        }
    }

    public IReadOnlyList<CallRecordData> ReadAll()
    {
        lock (_gate)
        {
            var all = ReadAllLocked();
            _pending = all.Count;
            return all;
        }
    }

    /// <summary>Keeps only <paramref name="remaining"/> in the file (written aside, then renamed over).</summary>
    public void Replace(IReadOnlyCollection<CallRecordData> remaining)
    {
        lock (_gate)
        {
            if (remaining.Count == 0)
            {
                File.Delete(_path);
                _pending = 0;
                return;
            }

            var temp = _path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                foreach (var record in remaining)
                {
                    JsonSerializer.Serialize(stream, record, CallRecordJsonContext.Default.CallRecordData);
                    stream.WriteByte((byte)'\n');
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
            _pending = remaining.Count;
        }
    }

    private List<CallRecordData> ReadAllLocked()
    {
        var result = new List<CallRecordData>();
        if (!File.Exists(_path))
        {
            return result;
        }

        var corrupt = 0;
        foreach (var line in File.ReadLines(_path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, CallRecordJsonContext.Default.CallRecordData) is { } record)
                {
                    result.Add(record);
                }
            }
            catch (JsonException)
            {
                corrupt++;
            }
        }

        CorruptLines = corrupt;
        return result;
    }
}
