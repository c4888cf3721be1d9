using Vms.Telephony.Media;

namespace Vms.Telephony.Tests.Media;

public class MediaCapacityTests
{
    private const string Limits = """
    Limit                     Soft Limit           Hard Limit           Units
    Max cpu time              unlimited            unlimited            seconds
    Max open files            1024                 524288               files
    Max locked memory         8388608              8388608              bytes
    """;

    [Fact]
    public void ParseOpenFileLimit_ProcLimitsText_SoftLimit() =>
        Assert.Equal(1024, MediaCapacity.ParseOpenFileLimit(Limits));

    [Fact]
    public void ParseOpenFileLimit_Unlimited_Null() =>
        Assert.Null(MediaCapacity.ParseOpenFileLimit("Max open files            unlimited            unlimited            files\n"));

    [Fact]
    public void ParseOpenFileLimit_NoSuchLine_Null() =>
        Assert.Null(MediaCapacity.ParseOpenFileLimit("Max cpu time unlimited unlimited seconds\n"));

    [Theory]
    [InlineData(1024L, 512, 256)]
    [InlineData(100L, 512, 0)]
    public void PairsForFileLimit_HeadroomLeft_TwoSocketsAPair(long limit, int headroom, int expected) =>
        Assert.Equal(expected, MediaCapacity.PairsForFileLimit(limit, headroom));

    [Fact]
    public void PairsForFileLimit_Unknown_Unbounded() =>
        Assert.Equal(int.MaxValue, MediaCapacity.PairsForFileLimit(null));

    [Fact]
    public void OpenFileLimit_ThisProcessOnLinux_Positive()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(MediaCapacity.OpenFileLimit());
            return;
        }

        Assert.True(MediaCapacity.OpenFileLimit() is null or > 0);
    }
}
