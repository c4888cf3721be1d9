using Vms.Media.Codecs;
using Vms.Media.Playback;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Playback;

public class PromptCacheTests
{
    [Fact]
    public void GetOrLoad_Stereo11025Wav_ResampledTo8kMonoOnceAndShared()
    {
        var cache = new PromptCache();
        var path = TestData.Path("wav", "cpython-3.11", "pluck-pcm16.wav");
        var first = cache.GetOrLoad(path);
        Assert.True(first.IsSuccess, first.Error);
        Assert.Equal(3307 * 8000 / 11025, first.Prompt!.SampleCount);
        Assert.Same(first.Prompt, cache.GetOrLoad(path).Prompt);
        Assert.Equal(1, cache.Count);
        Assert.Equal(first.Prompt.SampleCount, first.Prompt.GetEncoded(G711Law.Alaw).Length);
    }

    [Fact]
    public void GetOrLoad_SoxUlawAt8k_DecodedThenReencodedIdentically()
    {
        var cache = new PromptCache();
        var prompt = cache.GetOrLoad(TestData.Path("wav", "sox-generated", "pluck-ulaw-8000-mono.wav")).Prompt!;
        var original = TestData.Read("wav", "sox-generated", "pluck-ulaw-8000-mono.wav");
        Assert.Equal(original.AsSpan(58, 2400).ToArray(), prompt.GetEncoded(G711Law.Ulaw).ToArray());
    }

    [Fact]
    public void GetOrLoad_BadFile_ReasonAndNotCached()
    {
        var cache = new PromptCache();
        var result = cache.GetOrLoad(TestData.Path("wav", "hound", "fuzz", "oom-48ae4cd061ff8578ad3f23dc87624bd365cf5216.wav"));
        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Error);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Tone_OneSecond_8000SamplesBothLaws()
    {
        var tone = Prompt.Tone("t", 1000, TimeSpan.FromSeconds(1));
        Assert.Equal((8000, TimeSpan.FromSeconds(1)), (tone.SampleCount, tone.Duration));
        Assert.Equal(8000, tone.GetEncoded(G711Law.Ulaw).Length);
    }
}
