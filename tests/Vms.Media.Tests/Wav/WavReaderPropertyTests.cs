using CsCheck;
using Vms.Media.Codecs;
using Vms.Media.Wav;

namespace Vms.Media.Tests.Wav;

public class WavReaderPropertyTests
{
    [Fact]
    public void Read_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            var result = WavReader.Read(bytes);
            Assert.True(result.IsSuccess || result.Error is not null);
        }, iter: 5000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Read_MutatedValidFile_NeverThrows()
    {
        var valid = WavWriterTests.WriteToBytes(WavFormat.G711(G711Law.Alaw), new byte[64]);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, valid.Length]).Array[1, 8].Sample(mutations =>
        {
            var copy = (byte[])valid.Clone();
            var cut = copy.Length;
            foreach (var (at, value, length) in mutations)
            {
                copy[at] = value;
                cut = Math.Min(cut, Math.Max(length, 1));
            }

            var result = WavReader.Read(copy.AsSpan(0, cut));
            if (result.File is { } file)
            {
                _ = file.ToMonoPcm16();
            }
        }, iter: 5000, seed: "0N0XIzNsQ0O2");
    }
}
