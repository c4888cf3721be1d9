using Vms.Media.Codecs;
using Vms.Media.Wav;

namespace Vms.Media.Tests.Wav;

public class WavWriterTests
{
    [Theory]
    [InlineData(G711Law.Ulaw, 7)]
    [InlineData(G711Law.Alaw, 6)]
    public void Write_G711_FormatTagFactAndByteRate(G711Law law, int tag)
    {
        var bytes = WriteToBytes(WavFormat.G711(law), new byte[8000]);
        var wav = WavReader.Read(bytes).File!;
        Assert.Equal((tag, 1, 8000, 8000), (wav.Format.FormatTag, wav.Format.BlockAlign, wav.Format.SampleRate, wav.FrameCount));
        Assert.Equal(8000, BitConverter.ToInt32(bytes, 28)); // byte rate = rate × channels
        Assert.Equal("fact"u8.ToArray(), bytes[38..42]);
    }

    [Fact]
    public void Write_SoxFileDecodedAndReencoded_ReadsBackIdentical()
    {
        var source = WavReaderTests.ReadOk("sox-generated", "pluck-ulaw-8000-mono.wav");
        var bytes = WriteToBytes(WavFormat.G711(G711Law.Ulaw), source.Data.ToArray());
        Assert.Equal(source.Data.ToArray(), WavReader.Read(bytes).File!.Data.ToArray());
    }

    [Fact]
    public void Flush_ThenCrash_FileReadableUpToLastFlush()
    {
        using var stream = new MemoryStream();
        var writer = new WavWriter(stream, WavFormat.G711(G711Law.Alaw), ownsStream: false);
        writer.Write(new byte[8000]);
        writer.Flush();
        writer.Write(new byte[4000]); // written but not flushed: the "crash" happens now
        var snapshot = stream.ToArray();
        var wav = WavReader.Read(snapshot).File!;
        Assert.True(wav.FrameCount >= 8000);
        Assert.Equal(8000, BitConverter.ToInt32(snapshot, 54)); // header says what was flushed
    }

    [Fact]
    public void Complete_OddLength_PadByteAndHeaderPatched()
    {
        var bytes = WriteToBytes(WavFormat.Ob2, new byte[11]);
        Assert.Equal(44 + 12, bytes.Length);
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(11, BitConverter.ToInt32(bytes, 40));
        Assert.Equal(11, WavReader.Read(bytes).File!.FrameCount);
    }

    internal static byte[] WriteToBytes(WavFormat format, byte[] data)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, format, ownsStream: false))
        {
            writer.Write(data);
        }

        return stream.ToArray();
    }
}
