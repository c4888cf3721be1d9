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
}
