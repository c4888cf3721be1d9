using System.Buffers.Binary;
using System.Globalization;
using Vms.Media.Codecs;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Codecs;

[Trait("spec", "ITU-T G.191")]
public class G711Tests
{
    [Fact]
    public void UlawEncode_FullSweep_MatchesItuStlOnAll65536Inputs()
    {
        var expected = TestData.Read("g711", "tables", "ulaw_encode_itu.bin");
        var mismatches = Enumerable.Range(0, 65536).Count(i => G711.LinearToUlaw((short)(i - 32768)) != expected[i]);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void AlawEncode_FullSweep_MatchesItuStlOnAll65536Inputs()
    {
        var expected = TestData.Read("g711", "tables", "alaw_encode_itu.bin");
        var mismatches = Enumerable.Range(0, 65536).Count(i => G711.LinearToAlaw((short)(i - 32768)) != expected[i]);
        Assert.Equal(0, mismatches);
    }

    [Theory]
    [InlineData("ulaw_decode.csv", G711Law.Ulaw)]
    [InlineData("alaw_decode.csv", G711Law.Alaw)]
    public void Decode_AllCodes_MatchTable(string file, G711Law law)
    {
        var rows = File.ReadAllLines(TestData.Path("g711", "tables", file)).Skip(1).ToArray();
        Assert.Equal(256, rows.Length);
        foreach (var row in rows)
        {
            var cols = row.Split(',');
            var code = byte.Parse(cols[0], CultureInfo.InvariantCulture);
            var linear = short.Parse(cols[2], CultureInfo.InvariantCulture);
            Assert.Equal(linear, law == G711Law.Ulaw ? G711.UlawToLinear(code) : G711.AlawToLinear(code));
        }
    }

    [Theory]
    [InlineData("sweep-r.u", "sweep-r.u-u", G711Law.Ulaw)]
    [InlineData("sweep-r.a", "sweep-r.a-a", G711Law.Alaw)]
    public void EncodeDecode_StlSweepFiles_BitExact(string codesFile, string decodedFile, G711Law law)
    {
        var source = ReadShorts(TestData.Read("g711", "itu-t-g191-stl", "sweep.src"));
        var codes = ReadShorts(TestData.Read("g711", "itu-t-g191-stl", codesFile));
        var decoded = ReadShorts(TestData.Read("g711", "itu-t-g191-stl", decodedFile));
        var encoded = new byte[source.Length];
        G711.Encode(law, source, encoded);
        var roundTrip = new short[source.Length];
        G711.Decode(law, encoded, roundTrip);
        for (var i = 0; i < source.Length; i++)
        {
            Assert.Equal((byte)codes[i], encoded[i]);
            Assert.Equal(decoded[i], roundTrip[i]);
        }
    }

    [Fact]
    public void UlawEncode_SunBoundaryInputs_FollowItuNotSun()
    {
        var rows = File.ReadAllLines(TestData.Path("g711", "tables", "ulaw_encode_itu_vs_sun_audioop_diffs.csv")).Skip(1).ToArray();
        Assert.Equal(508, rows.Length);
        foreach (var row in rows)
        {
            var cols = row.Split(',');
            var linear = short.Parse(cols[0], CultureInfo.InvariantCulture);
            Assert.Equal(Convert.ToByte(cols[1], 16), G711.LinearToUlaw(linear));
        }
    }

    [Fact]
    public void Silence_BothLaws_DecodeToZeroAndBack()
    {
        Assert.Equal(0, G711.UlawToLinear(G711.UlawSilence));
        Assert.Equal(G711.UlawSilence, G711.LinearToUlaw(0));
        Assert.Equal(G711.AlawSilence, G711.LinearToAlaw(0));
        Assert.Equal(8, G711.AlawToLinear(G711.AlawSilence));
    }

    [Fact]
    public void Decode_SippAlawPcap_MatchesPublishedHash()
    {
        var payloads = PcapReader.ReadUdpPayloads(TestData.Read("g711", "rtp-pcap", "g711a.pcap"));
        Assert.Equal(236, payloads.Count);
        using var all = new MemoryStream();
        using var pcm = new MemoryStream();
        foreach (var p in payloads)
        {
            Assert.Equal(Vms.Media.Rtp.RtpParseStatus.Ok, Vms.Media.Rtp.RtpHeader.TryParse(p, out var h));
            Assert.Equal(8, h.PayloadType);
            var payload = h.GetPayload(p);
            all.Write(payload);
            var samples = new short[payload.Length];
            G711.Decode(G711Law.Alaw, payload, samples);
            var bytes = new byte[samples.Length * 2];
            for (var i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
            }

            pcm.Write(bytes);
        }

        Assert.Equal("d5682e84045ae711e04a54277a7f8b70c367f4c67b63a7fe2fae3e53bec6a235", Sha(all.ToArray()));
        Assert.Equal("dcdd5c87686c3566fcb8e5a04797c879b2168c9e0f790e6c8ac2ad3e1f77bb3e", Sha(pcm.ToArray()));
    }

    private static string Sha(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    private static short[] ReadShorts(byte[] bytes)
    {
        var result = new short[bytes.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i));
        }

        return result;
    }
}
