using System.Text;
using CsCheck;
using Vms.Media.Sdp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Sdp;

public class SdpParserPropertyTests
{
    [Fact]
    public void Parse_MutatedCorpusFile_NeverThrowsAndRoundTripsWhenAccepted()
    {
        var seed = TestData.Read("sdp", "sdp-transform", "normal.sdp");
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[1, seed.Length]).Array[1, 6].Sample(mutations =>
        {
            var copy = (byte[])seed.Clone();
            var cut = copy.Length;
            foreach (var (at, value, length) in mutations)
            {
                copy[at] = value;
                cut = Math.Min(cut, length);
            }

            var result = SdpParser.Parse(copy.AsSpan(0, cut));
            if (result.Description is { } sdp)
            {
                var again = SdpParser.Parse(Encoding.UTF8.GetBytes(SdpWriter.WriteString(sdp)));
                Assert.True(again.IsSuccess, again.Error);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(result.Error));
            }
        }, iter: 3000, seed: "0N0XIzNsQ0O2");
    }
}
