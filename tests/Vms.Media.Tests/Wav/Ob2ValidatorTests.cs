using Vms.Media.Codecs;
using Vms.Media.Wav;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Wav;

public class Ob2ValidatorTests
{
    [Fact]
    public void Validate_Ob2File_Valid()
    {
        var result = Ob2Validator.Validate(WavWriterTests.WriteToBytes(WavFormat.Ob2, new byte[100]));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_CpythonPcm16Stereo_ListsSizeAndChannels()
    {
        var result = Ob2Validator.Validate(TestData.Read("wav", "cpython-3.11", "pluck-pcm16.wav"));
        Assert.Equal(["sample size is 16 bits, OB2 needs 8 bits", "2 channels, OB2 needs mono (1 channel)"], result.Differences);
    }

    [Fact]
    public void Validate_G711At8k_ListsEncodingAndRate()
    {
        var result = Ob2Validator.Validate(WavWriterTests.WriteToBytes(WavFormat.G711(G711Law.Ulaw), new byte[10]));
        Assert.Equal(
            ["encoding is G.711 µ-law (format tag 0x0007), OB2 needs PCM (tag 0x0001)", "sample rate is 8000 Hz, OB2 needs 11025 Hz"],
            result.Differences);
    }

    [Fact]
    public void Validate_NotWav_SaysWhy()
    {
        var result = Ob2Validator.Validate("hello world!"u8);
        Assert.StartsWith("not a readable WAV file: not a RIFF file", Assert.Single(result.Differences), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_CpythonPcm16Stereo_ValidOb2WithSameDuration()
    {
        var (ob2, error) = Ob2Converter.Convert(TestData.Read("wav", "cpython-3.11", "pluck-pcm16.wav"));
        Assert.Null(error);
        Assert.True(Ob2Validator.Validate(ob2).IsValid);
        var wav = WavReader.Read(ob2).File!;
        Assert.Equal(3307, wav.FrameCount);
    }

    [Fact]
    public void Convert_1kHzToneFrom8k_ToneKeptAt11025()
    {
        var tone = ResamplerTests.Sine(1000, 8000, 8000, 16000);
        var bytes = new byte[tone.Length * 2];
        Buffer.BlockCopy(tone, 0, bytes, 0, bytes.Length);
        var (ob2, _) = Ob2Converter.Convert(WavWriterTests.WriteToBytes(WavFormat.Pcm16Mono(8000), bytes));
        var pcm = WavReader.Read(ob2).File!.ToMonoPcm16();
        Assert.Equal(11025, pcm.Length);
        Assert.True(ResamplerTests.Snr(pcm, 1000, 11025, 16000) > 30); // 8-bit quantisation bounds it near 48 dB
    }

    [Fact]
    public void Convert_Garbage_ReaderReason()
    {
        var (ob2, error) = Ob2Converter.Convert("nope"u8);
        Assert.Null(ob2);
        Assert.NotNull(error);
    }
}
