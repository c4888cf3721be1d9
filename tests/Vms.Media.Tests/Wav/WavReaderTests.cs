using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Vms.Media.Wav;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Wav;

[Collection(AllocationMeasurement.Name)]
public class WavReaderTests
{
    [Theory]
    [InlineData("pcmwaveformat-16bit-44100Hz-mono.wav", 1, 44100, 16, new double[] { 2, -3, 5, -7 })]
    [InlineData("pcmwaveformat-16bit-44100Hz-mono-extra.wav", 1, 44100, 16, new double[] { 2, -3, 5, -7 })]
    [InlineData("waveformatex-16bit-44100Hz-mono.wav", 1, 44100, 16, new double[] { 2, -3, 5, -7 })]
    [InlineData("waveformatex-16bit-44100Hz-mono-extra.wav", 1, 44100, 16, new double[] { 2, -3, 5, -7 })]
    [InlineData("waveformatex-16bit-44100Hz-stereo.wav", 2, 44100, 16, new double[] { 2, -3, 5, -7, 11, -13, 17, -19 })]
    [InlineData("pcmwaveformat-8bit-44100Hz-mono.wav", 1, 44100, 8, new double[] { 19, -53, 89, -127 })]
    [InlineData("waveformatex-8bit-11025Hz-mono.wav", 1, 11025, 8, new double[] { -128, -128, -128, -128 })]
    [InlineData("pcmwaveformat-24bit-4byte-48kHz-stereo.wav", 2, 48000, 24, new double[] { -96, 23052, 8388607, -8360672 })]
    [InlineData("waveformatextensible-24bit-4byte-48kHz-stereo.wav", 2, 48000, 24, new double[] { -96, 23052, 8388607, -8360672 })]
    [InlineData("waveformatextensible-24bit-192kHz-mono.wav", 1, 192000, 24, new double[] { -17, 4194319, -6291437, 8355817 })]
    [InlineData("waveformatextensible-32bit-48kHz-stereo.wav", 2, 48000, 32, new double[] { 19, -229373, 33587161, -2147483497 })]
    [InlineData("nonstandard-02.wav", 2, 48000, 32, new double[] { 19, -229373, 33587161, -2147483497 })]
    [InlineData("waveformatex-ieeefloat-44100Hz-mono.wav", 1, 44100, 32, new double[] { 2.0, 3.0, -16411.0, 1019.0 })]
    [InlineData("waveformatextensible-ieeefloat-44100Hz-mono.wav", 1, 44100, 32, new double[] { 2.0, 3.0, -16411.0, 1019.0 })]
    [InlineData("nonstandard-01.wav", 2, 48000, 24, new double[] { 0, 0 })]
    public void Read_HoundFile_FormatAndSamplesAsPublished(string file, int channels, int rate, int bits, double[] samples)
    {
        var wav = ReadOk("hound", file);
        Assert.Equal((channels, rate, bits), (wav.Format.Channels, wav.Format.SampleRate, wav.Format.BitsPerSample));
        Assert.Equal(samples, Enumerable.Range(0, samples.Length).Select(wav.GetSample));
    }

    [Fact]
    public void Read_PopWav_Extensible16BitHundredSamples()
    {
        var wav = ReadOk("hound", "pop.wav");
        Assert.Equal((WavEncoding.Pcm, 100), (wav.Format.Encoding, wav.FrameCount));
    }

    [Theory]
    [InlineData("pluck-pcm8.wav", 8)]
    [InlineData("pluck-pcm16.wav", 16)]
    [InlineData("pluck-pcm24.wav", 24)]
    [InlineData("pluck-pcm32.wav", 32)]
    public void Read_CpythonPluck_FramesMatchPythonWave(string file, int bits)
    {
        var wav = ReadOk("cpython-3.11", file);
        var facts = Facts("cpython-3.11/" + file).GetProperty("python_wave");
        Assert.Equal((2, 11025, bits, 3307), (wav.Format.Channels, wav.Format.SampleRate, wav.Format.BitsPerSample, wav.FrameCount));
        Assert.Equal(facts.GetProperty("frames_sha256").GetString(), Sha(wav.Data.ToArray()));
    }

    [Theory]
    [InlineData("pluck-ulaw-8000-mono.wav", WavEncoding.Ulaw)]
    [InlineData("pluck-alaw-8000-mono.wav", WavEncoding.Alaw)]
    [InlineData("pluck-ulaw-11025-stereo.wav", WavEncoding.Ulaw)]
    [InlineData("pluck-alaw-11025-stereo.wav", WavEncoding.Alaw)]
    public void Read_SoxG711_DecodedMatchesFacts(string file, WavEncoding encoding)
    {
        var wav = ReadOk("sox-generated", file);
        Assert.Equal(encoding, wav.Format.Encoding);
        var decoded = new byte[wav.Data.Length * 2];
        for (var i = 0; i < wav.Data.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(decoded.AsSpan(2 * i), (short)wav.GetSample(i));
        }

        Assert.Equal(Facts("sox-generated/" + file).GetProperty("decoded_pcm16le_sha256").GetString(), Sha(decoded));
    }

    public static TheoryData<string> FuzzFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestData.Path("wav", "hound", "fuzz")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FuzzFiles))]
    public void Read_FuzzInput_CleanResultFastAndSmall(string file)
    {
        var bytes = TestData.Read("wav", "hound", "fuzz", file);
        _ = WavReader.Read(bytes); // JIT out of the measurement (the machine may be loaded)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = WavReader.Read(bytes);
        watch.Stop();
        Assert.True(result.IsSuccess || !string.IsNullOrEmpty(result.Error));
        Assert.True(watch.ElapsedMilliseconds < 100, $"{watch.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Theory]
    [InlineData("pluck-alaw.aifc", "not a RIFF file")]
    [InlineData("pluck-ulaw.au", "not a RIFF file")]
    public void Read_OtherContainers_RefusedWithReason(string file, string reason)
    {
        var result = WavReader.Read(TestData.Read("wav", "cpython-3.11", file));
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "shorter than the 12-byte RIFF header")]
    [InlineData(20, "fmt chunk truncated: 0 of 16 bytes present")]
    [InlineData(12, "no fmt chunk")]
    [InlineData(36, "no data chunk")]
    public void Read_TruncatedOwnFile_PreciseReason(int keep, string reason)
    {
        var full = WavWriterTests.WriteToBytes(WavFormat.Pcm16Mono(8000), new byte[100]);
        var result = WavReader.Read(full.AsSpan(0, keep));
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataSizeLargerThanFile_ClampedToBytesPresent()
    {
        var full = WavWriterTests.WriteToBytes(WavFormat.Pcm16Mono(8000), new byte[100]);
        BinaryPrimitives.WriteUInt32LittleEndian(full.AsSpan(40), 0x7FFFFFF0);
        var wav = WavReader.Read(full).File!;
        Assert.Equal(50, wav.FrameCount);
    }

    [Fact]
    public void Read_OddChunkWithoutPadByte_StillFindsData()
    {
        byte[] odd = [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, .. "JUNK"u8, 3, 0, 0, 0, 1, 2, 3];
        var pcm = WavWriterTests.WriteToBytes(WavFormat.Pcm16Mono(8000), [1, 0, 2, 0]);
        var file = odd.Concat(pcm.Skip(12)).ToArray();
        Assert.Equal(2, WavReader.Read(file).File!.FrameCount);
    }

    [Fact]
    public void ReadFile_Missing_ReasonNotException()
    {
        Assert.Contains("not found", WavReader.ReadFile("/nonexistent/x.wav").Error, StringComparison.Ordinal);
    }

    internal static WavFile ReadOk(string folder, string file)
    {
        var result = WavReader.Read(TestData.Read("wav", folder, file));
        Assert.True(result.IsSuccess, result.Error);
        return result.File!;
    }

    private static JsonElement Facts(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Path("wav", "facts.json")));
        return doc.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file).Clone();
    }

    private static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
