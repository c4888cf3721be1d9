using System.Buffers.Binary;

namespace Vms.Media.Wav;

/// <summary>
/// Streams a WAV file to a seekable stream. The header is written first with the sizes known so far and
/// patched at every <see cref="Flush"/> and at <see cref="Complete"/>, so a file cut short by a crash is a
/// valid WAV holding everything up to the last flush. G.711 files get an 18-byte fmt chunk and a fact chunk.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly bool _hasFact;
    private readonly int _headerLength;
    private long _dataLength;
    private bool _completed;

    /// <summary>Starts a file in <paramref name="format"/> on <paramref name="stream"/> (must be seekable).</summary>
    public WavWriter(Stream stream, WavFormat format, bool ownsStream = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable and seekable.", nameof(stream));
        }

        _stream = stream;
        _ownsStream = ownsStream;
        Format = format;
        _hasFact = format.Encoding is WavEncoding.Ulaw or WavEncoding.Alaw;
        _headerLength = _hasFact ? 12 + 26 + 12 + 8 : 12 + 24 + 8;
        Span<byte> header = stackalloc byte[_headerLength];
        WriteHeader(header);
        _stream.Write(header);
    }

    /// <summary>The format being written.</summary>
    public WavFormat Format { get; }

    /// <summary>Sample bytes written so far.</summary>
    public long DataLength => _dataLength;

    /// <summary>Total file size so far (header plus data).</summary>
    public long FileLength => _headerLength + _dataLength;

    /// <summary>Appends sample bytes (whole frames expected).</summary>
    public void Write(ReadOnlySpan<byte> samples)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_dataLength + samples.Length > uint.MaxValue - _headerLength - 1)
        {
            throw new InvalidOperationException("WAV files are limited to 4 GiB.");
        }

        _stream.Write(samples);
        _dataLength += samples.Length;
    }

    /// <summary>Patches the header to the data written so far and flushes to the OS.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        PatchHeader();
        _stream.Flush();
    }

    /// <summary>Writes the pad byte if needed, patches the header and closes the file.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        if ((_dataLength & 1) == 1)
        {
            _stream.WriteByte(0);
        }

        PatchHeader();
        _stream.Flush();
        _completed = true;
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Complete();

    private void PatchHeader()
    {
        var end = _stream.Position;
        Span<byte> header = stackalloc byte[_headerLength];
        WriteHeader(header);
        _stream.Position = 0;
        _stream.Write(header);
        _stream.Position = end;
    }

    private void WriteHeader(Span<byte> h)
    {
        var f = Format;
        var riffSize = _headerLength - 8 + _dataLength + (_dataLength & 1);
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)riffSize);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], _hasFact ? 18u : 16u);
        var tag = f.Encoding switch
        {
            WavEncoding.Ulaw => 7,
            WavEncoding.Alaw => 6,
            WavEncoding.IeeeFloat => 3,
            _ => 1,
        };
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)f.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)f.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(f.SampleRate * f.BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)f.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)(f.ContainerBytes * 8));
        var at = 36;
        if (_hasFact)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], (uint)(_dataLength / f.BlockAlign));
            at = 50;
        }

        "data"u8.CopyTo(h[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], (uint)_dataLength);
    }
}
